/**
 * The interaction: how many of a challenger's test vectors a network sorts.
 *
 * A test vector is an integer whose bit w is the value on wire w. A comparator
 * (i, j), i < j, swaps when wire i holds 1 and wire j holds 0; a slot with
 * i == j is an unused slot and never swaps. The output is sorted when no wire
 * holds 1 while the next wire holds 0: v & ~(v >> 1) has no bit below n - 1.
 * Counts are integers, so every backend's f32 result is exact.
 */
import type { Grid, KernelThis } from '../../core/index.ts';

export interface SortingConstants {
  /** Test vectors per challenger. */
  readonly vectors: number;
  /** Comparator slots per network. */
  readonly slots: number;
  /** 2^(inputs - 1) - 1: the wires that have a next wire. */
  readonly lowMask: number;
}

/** The straightforward kernel: one vector at a time (kept as a benchmark variant). */
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

/**
 * The vector-per-word kernel (a variant since the bit-sliced kernel in
 * bit-sliced.ts replaced it): the same computation with all of a
 * challenger's vectors held in scalar registers (gpu.js has no local arrays,
 * so the source is generated for the vector count), so each comparator is
 * read once per pair instead of once per vector, and the swap is branchless:
 * v += bit_i(v) * (1 - bit_j(v)) * (2^j - 2^i). Unused slots (i == j) are
 * skipped. About 10x the loop kernel on webasm for 16 vectors.
 */
export function unrolledSortingKernel(vectors: number): string {
  const v = Array.from({ length: vectors }, (_, t) => `v${t}`);
  return [
    'function unrolledSortingKernel(networks, testSets, opponents) {',
    '  const s = this.thread.y;',
    '  const c = opponents[this.thread.y][this.thread.x];',
    ...v.map((x, t) => `  let ${x} = testSets[c][${t}];`),
    '  for (let k = 0; k < this.constants.slots; k++) {',
    '    const i = networks[s][2 * k];',
    '    const j = networks[s][2 * k + 1];',
    '    if (i != j) {',
    '      const d = (1 << j) - (1 << i);',
    ...v.map((x) => `      ${x} = ${x} + (((${x} >> i) & 1) * (1 - ((${x} >> j) & 1))) * d;`),
    '    }',
    '  }',
    '  let sorted = 0;',
    ...v.map((x) => `  if ((${x} & ((${x} >> 1) ^ this.constants.lowMask)) == 0) { sorted = sorted + 1; }`),
    '  return sorted;',
    '}',
  ].join('\n');
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
