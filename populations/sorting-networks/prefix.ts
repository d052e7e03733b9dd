/**
 * A fixed prefix (Hillis 1990): the first comparators of every network are
 * given, not evolved. Hillis fixed the first 32 comparators of Green's
 * 60-comparator network for 16 inputs, the four layers of the 4-cube: wires
 * i and i xor 2^b for b = 0..3, the smaller value to the lower wire. After
 * them only the prefix's distinct outputs matter: the whole network sorts
 * input x exactly when the evolved rest sorts prefix(x), so the test-case
 * space shrinks from 2^16 inputs to the few unsorted distinct outputs
 * (151 of 168 for n = 16; see `prefixSpace`).
 *
 * For n a power of two the default is every layer of the log2(n)-cube; other
 * n take an explicit layer count, and a layer keeps only the pairs whose
 * wires both exist (i xor 2^b < n). Nothing guarantees that an optimal-size
 * network extends a truncated cube; that is the user's choice to make.
 */
import { UserError } from '../../core/index.ts';
import type { Comparator, Network } from './network.ts';

export const PREFIXES = ['none', 'hypercube'] as const;
export type PrefixKind = (typeof PREFIXES)[number];

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

/** Layers a hypercube prefix on n wires may have: floor(log2 n). */
export const maxPrefixLayers = (inputs: number): number => Math.floor(Math.log2(inputs));

/**
 * The prefix's comparators, layer by layer. Throws UserError (naming the
 * options) where the combination does not apply.
 */
export function prefixComparators(kind: PrefixKind, inputs: number, layers: number | undefined): Comparator[] {
  if (kind === 'none') {
    if (layers !== undefined) throw new UserError('option "prefixLayers" needs option "prefix": "hypercube"; remove it or set the prefix');
    return [];
  }
  const most = maxPrefixLayers(inputs);
  if (layers === undefined && !isPowerOfTwo(inputs)) {
    throw new UserError(
      `option "prefix": "hypercube" on ${inputs} inputs (not a power of two) needs option "prefixLayers" (1 to ${most}); or use inputs 4, 8 or 16`,
    );
  }
  const count = layers ?? most;
  if (count < 1 || count > most) {
    throw new UserError(`option "prefixLayers": ${count} layers do not fit ${inputs} inputs; use 1 to ${most}`);
  }
  const out: Comparator[] = [];
  for (let b = 0; b < count; b++) {
    const bit = 1 << b;
    for (let i = 0; i < inputs; i++) if ((i & bit) === 0 && (i | bit) < inputs) out.push([i, i | bit]);
  }
  return out;
}

/** Apply comparators to one vector (bit w = wire w). */
export function applyComparators(comparators: readonly Comparator[], v: number): number {
  for (const [i, j] of comparators) {
    if (((v >> i) & 1) === 1 && ((v >> j) & 1) === 0) v ^= (1 << i) | (1 << j);
  }
  return v;
}

/** Sorted (wire 0 smallest): no wire holds 1 while the next holds 0. */
export const isSortedVector = (v: number, inputs: number): boolean => (v & ~(v >> 1) & (2 ** (inputs - 1) - 1)) === 0;

export interface PrefixSpace {
  /** The prefix's distinct outputs that are not sorted, ascending: the test cases that matter. */
  readonly unsorted: Int32Array;
  /** How many of the 2^n inputs the prefix maps to unsorted[k]. */
  readonly multiplicity: Float64Array;
  /** Inputs the prefix alone already sorts (they stay sorted through any comparators). */
  readonly sortedInputs: number;
  /** Distinct outputs, sorted ones included. */
  readonly distinct: number;
}

/** Every 0/1 input through the prefix: which distinct outputs are left unsorted, and how often. */
export function prefixSpace(inputs: number, prefix: readonly Comparator[]): PrefixSpace {
  const total = 2 ** inputs;
  const counts = new Map<number, number>();
  let sortedInputs = 0;
  const sortedOutputs = new Set<number>();
  for (let x = 0; x < total; x++) {
    const y = applyComparators(prefix, x);
    if (isSortedVector(y, inputs)) {
      sortedInputs++;
      sortedOutputs.add(y);
    } else counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const unsorted = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const multiplicity = Float64Array.from(unsorted, (y) => counts.get(y)!);
  return { unsorted, multiplicity, sortedInputs, distinct: unsorted.length + sortedOutputs.size };
}

/** The whole network: prefix then the evolved comparators. */
export function withPrefix(prefix: readonly Comparator[], rest: Network): Network {
  return { inputs: rest.inputs, comparators: [...prefix, ...rest.comparators] };
}
