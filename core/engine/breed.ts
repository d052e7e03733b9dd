/**
 * One side's next population: elites copied unchanged, then children of
 * tournament-selected parents (crossover with probability crossoverRate,
 * then mutation with probability mutationRate, then the optional adjustment). Returns a new population;
 * the parents are never written.
 */
import type { GenomeSpec } from '../domain/domain.ts';
import { createPopulation, genome, type Population } from '../basics/population.ts';
import type { Rng } from '../basics/rng.ts';
import type { RunConfig } from '../run/config.ts';
import { ranking, tournament } from './selection.ts';

export function breed(
  parents: Population,
  fitness: Float64Array,
  spec: GenomeSpec,
  settings: Pick<RunConfig, 'selection' | 'variation'>,
  rng: Rng,
  /** Applied to every child after variation (not to elites): the difficulty schedule's hook. */
  adjust?: (child: Float32Array, rng: Rng) => void,
): Population {
  const { tournamentSize, elitism } = settings.selection;
  const { crossoverRate, mutationRate } = settings.variation;
  const next = createPopulation(parents.size, parents.length);
  const order = ranking(fitness);
  for (let e = 0; e < elitism; e++) next.genes.set(genome(parents, order[e]!), e * parents.length);
  for (let i = elitism; i < parents.size; i++) {
    const child = genome(next, i);
    const a = tournament(fitness, tournamentSize, rng);
    if (rng.chance(crossoverRate)) {
      const b = tournament(fitness, tournamentSize, rng);
      spec.crossover(genome(parents, a), genome(parents, b), rng, child);
    } else {
      child.set(genome(parents, a));
    }
    if (rng.chance(mutationRate)) spec.mutate(child, rng);
    adjust?.(child, rng);
  }
  return next;
}
