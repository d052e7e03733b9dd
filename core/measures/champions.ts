/**
 * The champion history: the best solver and challenger of every generation
 * played, in order. It is the Hall of Fame (past champions sampled as extra
 * opponents, so populations cannot forget how to beat old strategies) and the
 * raw material of CIAO. Genomes are immutable once recorded; appending copies
 * only the list spine, so states stay cheap to keep and compare.
 */
import { populationOf, type Population } from '../basics/population.ts';
import type { Rng } from '../basics/rng.ts';

export interface ChampionHistory {
  readonly solvers: readonly Float32Array[];
  readonly challengers: readonly Float32Array[];
}

export const EMPTY_HISTORY: ChampionHistory = { solvers: [], challengers: [] };

export interface HallOfFameSettings {
  /** Past champions of each side met as extra opponents each generation. */
  readonly sample: number;
}

export const DEFAULT_HALL_OF_FAME: HallOfFameSettings = { sample: 4 };

export function recordChampions(h: ChampionHistory, solver: Float32Array, challenger: Float32Array): ChampionHistory {
  return { solvers: [...h.solvers, solver.slice()], challengers: [...h.challengers, challenger.slice()] };
}

/** k distinct members drawn uniformly (all of them when there are k or fewer). */
export function sampleHallOfFame(members: readonly Float32Array[], k: number, length: number, rng: Rng): Population {
  if (members.length <= k) return populationOf(members, length);
  const chosen = new Set<number>();
  // Floyd's algorithm: k distinct indices with exactly k draws.
  for (let j = members.length - k; j < members.length; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return populationOf([...chosen].sort((a, b) => a - b).map((i) => members[i]!), length);
}

/**
 * Up to k generation indices in [0, count), evenly spaced, always including the
 * latest: how CIAO keeps its cost per generation bounded on long runs.
 */
export function evenlySpaced(count: number, k: number): number[] {
  if (count <= k) return Array.from({ length: count }, (_, i) => i);
  if (k === 1) return [count - 1];
  return Array.from({ length: k }, (_, i) => Math.round(((count - 1) * i) / (k - 1)));
}
