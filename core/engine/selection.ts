/**
 * Selection over a fitness vector. Ties go to the lower index, so selection is
 * a pure function of (fitness, rng) on every platform.
 */
import type { Rng } from '../basics/rng.ts';

/** Index of the winner of a tournament of `size` uniformly drawn entrants. */
export function tournament(fitness: Float64Array, size: number, rng: Rng): number {
  let best = rng.int(fitness.length);
  for (let k = 1; k < size; k++) {
    const i = rng.int(fitness.length);
    if (fitness[i]! > fitness[best]! || (fitness[i] === fitness[best] && i < best)) best = i;
  }
  return best;
}

/** Indices sorted by fitness, best first (stable: ties keep index order). */
export function ranking(fitness: Float64Array): Int32Array {
  const idx = Int32Array.from(fitness.keys());
  return idx.sort((a, b) => fitness[b]! - fitness[a]! || a - b);
}

/** The best individual's index (lowest index among ties). */
export function champion(fitness: Float64Array): number {
  let best = 0;
  for (let i = 1; i < fitness.length; i++) if (fitness[i]! > fitness[best]!) best = i;
  return best;
}
