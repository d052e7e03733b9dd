/**
 * One side's next population: elites copied unchanged, then children of
 * tournament-selected parents (crossover with probability crossoverRate,
 * then mutation with probability mutationRate, then the optional adjustment). Returns a new population;
 * the parents are never written.
 */
import type { GenomeSpec } from '../domain/domain.ts';
import { createPopulation, genome, type Population } from '../basics/population.ts';
import type { Rng } from '../basics/rng.ts';
import { ranking, tournament } from './selection.ts';

export interface BreedSettings {
  readonly selection: { readonly tournamentSize: number; readonly elitism: number };
  readonly variation: { readonly crossoverRate: number; readonly mutationRate: number };
}

export const DEFAULT_BREEDING: BreedSettings = {
  selection: { tournamentSize: 3, elitism: 2 },
  variation: { crossoverRate: 0.5, mutationRate: 0.9 },
};

export function breed(
  parents: Population,
  fitness: Float64Array,
  spec: GenomeSpec,
  settings: BreedSettings,
  rng: Rng,
  /** Applied to every child after variation (not to elites): the remedies' challenger hooks. */
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
