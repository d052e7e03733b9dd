/**
 * The number games of Watson & Pollack (2001), "Coevolutionary dynamics in a
 * minimal substrate". Players are points of non-negative integers in d
 * dimensions; bigger is objectively better in every dimension, but who *wins*
 * a game depends on the game:
 *
 * - sum (transitive): the larger sum of coordinates wins.
 * - intransitive: compare on the dimension where the two players are
 *   closest; the larger value there wins. A can beat B, B beat C and C beat A,
 *   so populations can cycle while each step looks like progress.
 * - focusing: compare on the dimension of largest difference; the larger
 *   value there wins. Rewards over-specialising in one dimension.
 *
 * Ties in the dimension choice go to the lowest dimension; equal values there
 * (or equal sums) are a draw. Raw outcomes are 2 (solver wins), 1 (draw) and 0
 * (loss), over rawScale 2, so M[s][c] is 1, 1/2 or 0.
 */
import type { Grid, KernelThis } from '../../core/index.ts';

export const GAMES = ['intransitive', 'focusing', 'sum'] as const;
export type Game = (typeof GAMES)[number];

/** Game ids as kernel constants (kernels take numbers only). */
export const GAME_ID: Readonly<Record<Game, number>> = { sum: 0, intransitive: 1, focusing: 2 };

export interface NumberGameConstants {
  readonly dims: number;
  readonly game: number;
}

/** a - b on the dimension the game compares (or of the sums, for the sum game). */
function decidingDifference(game: number, dims: number, a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sumA = 0;
  let sumB = 0;
  let chosen = -1;
  let pick = 0;
  for (let d = 0; d < dims; d++) {
    const x = a[d]!;
    const y = b[d]!;
    sumA += x;
    sumB += y;
    const diff = Math.abs(x - y);
    if ((game === 1 && (chosen < 0 || diff < chosen)) || (game === 2 && diff > chosen)) {
      chosen = diff;
      pick = x - y;
    }
  }
  return game === 0 ? sumA - sumB : pick;
}

/** Plain-TS reference: 2 win, 1 draw, 0 loss for `solver` against `challenger`. */
export function numberGameReference(game: number, dims: number, solver: Float32Array, challenger: Float32Array): number {
  const diff = decidingDifference(game, dims, solver, challenger);
  return diff > 0 ? 2 : diff < 0 ? 0 : 1;
}

/**
 * The gpu.js kernel: the same decision per (solver, opponent slot) thread.
 * Coordinates are small integers, so every backend's f32 arithmetic is exact.
 */
export function numberGameKernel(this: KernelThis<NumberGameConstants>, solvers: Grid, challengers: Grid, opponents: Grid): number {
  const s = this.thread.y;
  const c = opponents[this.thread.y]![this.thread.x]!;
  let sumA = 0;
  let sumB = 0;
  let chosen = -1;
  let pick = 0;
  for (let d = 0; d < this.constants.dims; d++) {
    const x = solvers[s]![d]!;
    const y = challengers[c]![d]!;
    sumA = sumA + x;
    sumB = sumB + y;
    const diff = Math.abs(x - y);
    if (this.constants.game == 1) {
      if (chosen < 0 || diff < chosen) {
        chosen = diff;
        pick = x - y;
      }
    }
    if (this.constants.game == 2) {
      if (diff > chosen) {
        chosen = diff;
        pick = x - y;
      }
    }
  }
  if (this.constants.game == 0) {
    pick = sumA - sumB;
  }
  if (pick > 0) {
    return 2;
  }
  if (pick < 0) {
    return 0;
  }
  return 1;
}
