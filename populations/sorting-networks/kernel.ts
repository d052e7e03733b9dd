/**
 * The interaction: how many of a challenger's test vectors a network sorts.
 *
 * A test vector is an integer whose bit w is the value on wire w. A comparator
 * (i, j), i < j, swaps when wire i holds 1 and wire j holds 0; a slot with
 * i == j is an unused slot and never swaps. The output is sorted when no wire
 * holds 1 while the next wire holds 0: v & ~(v >> 1) has no bit below n - 1.
 * Counts are integers, so every backend's f32 result is exact.
 */
import type { Grid, KernelThis } from '../../core/kernel-types.ts';

export interface SortingConstants {
  /** Test vectors per challenger. */
  readonly vectors: number;
  /** Comparator slots per network. */
  readonly slots: number;
  /** 2^(inputs - 1) - 1: the wires that have a next wire. */
  readonly lowMask: number;
}

export function sortingKernel(
  this: KernelThis<SortingConstants>,
  networks: Grid,
  testSets: Grid,
  opponents: Grid,
): number {
  const s = this.thread.y;
  const c = opponents[this.thread.y]![this.thread.x]!;
  let sorted = 0;
  for (let t = 0; t < this.constants.vectors; t++) {
    let v = testSets[c]![t]!;
    for (let k = 0; k < this.constants.slots; k++) {
      const i = networks[s]![2 * k]!;
      const j = networks[s]![2 * k + 1]!;
      if (((v >> i) & 1) > ((v >> j) & 1)) {
        v = v - (1 << i) + (1 << j);
      }
    }
    if ((v & ((v >> 1) ^ this.constants.lowMask)) == 0) {
      sorted = sorted + 1;
    }
  }
  return sorted;
}

/** Plain-TS reference: the same count, with integer arithmetic. */
export function sortingReference(network: Float32Array, testSet: Float32Array, lowMask: number): number {
  let sorted = 0;
  for (let t = 0; t < testSet.length; t++) {
    let v = testSet[t]!;
    for (let k = 0; k < network.length; k += 2) {
      const i = network[k]!;
      const j = network[k + 1]!;
      if (((v >> i) & 1) === 1 && ((v >> j) & 1) === 0) v = v ^ ((1 << i) | (1 << j));
    }
    if ((v & ~(v >> 1) & lowMask) === 0) sorted++;
  }
  return sorted;
}
