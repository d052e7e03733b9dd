/**
 * One side's next population: elites copied unchanged, then children of
 * selected parents (crossover with probability crossoverRate, then mutation
 * with probability mutationRate, then the optional adjustment). Parents come
 * from tournaments over the whole population, or with selection.scheme
 * "grid" from the child's neighbourhood on a toroidal grid (grid.ts); there
 * the elites keep their own cells, so the grid's layout survives. Returns a
 * new population; the parents are never written.
 */
import type { GenomeSpec } from '../domain/domain.ts';
import { createPopulation, genome, type Population } from '../basics/population.ts';
import type { Rng } from '../basics/rng.ts';
import { ranking, tournament } from './selection.ts';
import { gridShape, localTournament, neighbourhood, type SelectionScheme } from './grid.ts';

export interface BreedSettings {
  readonly selection: {
    readonly tournamentSize: number;
    readonly elitism: number;
    /** "tournament" over the whole population, or "grid" (grid.ts). */
    readonly scheme?: SelectionScheme;
    /** Neighbourhood radius of the grid scheme; default 1. */
    readonly radius?: number;
  };
  readonly variation: { readonly crossoverRate: number; readonly mutationRate: number };
}

export const DEFAULT_BREEDING = {
  selection: { tournamentSize: 3, elitism: 2, scheme: 'tournament', radius: 1 },
  variation: { crossoverRate: 0.5, mutationRate: 0.9 },
} as const satisfies BreedSettings;

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
  const makeChild = (child: Float32Array, pick: () => number): void => {
    const a = pick();
    if (rng.chance(crossoverRate)) {
      const b = pick();
      spec.crossover(genome(parents, a), genome(parents, b), rng, child);
    } else {
      child.set(genome(parents, a));
    }
    if (rng.chance(mutationRate)) spec.mutate(child, rng);
    adjust?.(child, rng);
  };
  if (settings.selection.scheme === 'grid') {
    const shape = gridShape(parents.size);
    const radius = settings.selection.radius ?? 1;
    const elite = new Uint8Array(parents.size);
    for (let e = 0; e < elitism; e++) elite[order[e]!] = 1;
    for (let i = 0; i < parents.size; i++) {
      if (elite[i]) {
        genome(next, i).set(genome(parents, i));
        continue;
      }
      const cells = neighbourhood(i, shape, radius);
      makeChild(genome(next, i), () => localTournament(fitness, cells, tournamentSize, rng));
    }
    return next;
  }
  for (let e = 0; e < elitism; e++) next.genes.set(genome(parents, order[e]!), e * parents.length);
  for (let i = elitism; i < parents.size; i++) makeChild(genome(next, i), () => tournament(fitness, tournamentSize, rng));
  return next;
}
