/**
 * Seeded random streams. Every random decision in a run draws from a stream
 * derived from (seed, generation, purpose), so no generator state needs to be
 * saved in a checkpoint: resuming at generation g re-derives exactly the
 * streams an uninterrupted run would have used. Alea (from seedrandom) is used
 * for speed; its output depends only on the seed string.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function rngFromSeed(seed: string): Rng {
  const prng = seedrandom.alea(seed);
  const next = (): number => prng();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
  };
}

/** An independent stream for one purpose: e.g. stream(seed, 12, 'breed', 'solvers'). */
export function stream(seed: string, ...path: Array<string | number>): Rng {
  return rngFromSeed([seed, ...path].join('\u241f'));
}

/** Fisher-Yates shuffle of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/**
 * How many changes one mutation makes: 1, plus one more with probability
 * 1/2, repeatedly (mean 2). Mostly small steps, now and then a larger jump.
 */
export function mutationCount(rng: Rng): number {
  let n = 1;
  while (rng.chance(0.5)) n++;
  return n;
}
