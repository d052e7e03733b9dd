/**
 * Comparator networks in the human format of docs/design.md "Formats":
 * {"inputs": n, "comparators": [[i, j], ...]} with 0 <= i < j < n; a comparator
 * puts the smaller value on wire i. Validity is checked exhaustively over all
 * 2^n 0/1 inputs (the 0-1 principle), 32 inputs at a time in bit-sliced form.
 */
import { UserError } from '../../core/index.ts';

export type Comparator = readonly [number, number];

export interface Network {
  readonly inputs: number;
  readonly comparators: readonly Comparator[];
}

/** Most inputs an exhaustive check accepts (2^24 vectors is ~0.5M bit-sliced words). */
export const MAX_CHECK_INPUTS = 24;

/** Validate a parsed JSON value as a network; errors name `source` and the field. */
export function parseNetwork(value: unknown, source: string, expectInputs?: number): Network {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${source}: expected an object {"inputs": n, "comparators": [[i, j], ...]}`);
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'inputs' && key !== 'comparators') {
      throw new UserError(`${source}: unknown field "${key}" (a network has only "inputs" and "comparators")`);
    }
  }
  const inputs = obj.inputs;
  if (typeof inputs !== 'number' || !Number.isInteger(inputs) || inputs < 2 || inputs > MAX_CHECK_INPUTS) {
    throw new UserError(`${source}: "inputs" must be an integer from 2 to ${MAX_CHECK_INPUTS}, got ${JSON.stringify(inputs)}`);
  }
  if (expectInputs !== undefined && inputs !== expectInputs) {
    throw new UserError(`${source}: "inputs" is ${inputs} but this run uses ${expectInputs} inputs`);
  }
  if (!Array.isArray(obj.comparators)) {
    throw new UserError(`${source}: "comparators" must be an array of [i, j] pairs`);
  }
  const comparators = obj.comparators.map((c: unknown, k: number): Comparator => {
    const ok =
      Array.isArray(c) &&
      c.length === 2 &&
      c.every((x) => typeof x === 'number' && Number.isInteger(x)) &&
      0 <= c[0] &&
      c[0] < c[1] &&
      c[1] < inputs;
    if (!ok) {
      throw new UserError(
        `${source}: comparators[${k}] is ${JSON.stringify(c)}; each comparator must be [i, j] with 0 <= i < j < ${inputs}`,
      );
    }
    return [c[0], c[1]] as Comparator;
  });
  return { inputs, comparators };
}

/** Parallel layers when every comparator runs as early as its wires allow. */
export function depth(net: Network): number {
  const ready = new Int32Array(net.inputs);
  let d = 0;
  for (const [i, j] of net.comparators) {
    const layer = Math.max(ready[i]!, ready[j]!) + 1;
    ready[i] = layer;
    ready[j] = layer;
    if (layer > d) d = layer;
  }
  return d;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Lane k of wire w's word holds bit w of input (32 * batch + k). */
const LOW_WIRE_PATTERNS = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];

/**
 * Batch b of the 2^n 0/1 inputs, 32 at a time bit-sliced (lane k of wire w
 * holds bit w of input 32b + k), through the flattened comparators [i, j, ...]:
 * the lanes left unsorted. `wires` is scratch of n words.
 */
export function unsortedLanes(flat: readonly number[], b: number, wires: Int32Array): number {
  const n = wires.length;
  for (let w = 0; w < n; w++) wires[w] = w < 5 ? LOW_WIRE_PATTERNS[w]! : (b >>> (w - 5)) & 1 ? -1 : 0;
  for (let k = 0; k < flat.length; k += 2) {
    const i = flat[k]!;
    const j = flat[k + 1]!;
    const a = wires[i]!;
    const c = wires[j]!;
    wires[i] = a & c;
    wires[j] = a | c;
  }
  let unsorted = 0;
  for (let w = 0; w + 1 < n; w++) unsorted |= wires[w]! & ~wires[w + 1]!;
  return unsorted;
}

/** How many of the 2^inputs 0/1 input vectors the network sorts. */
export function countSorted(net: Network): number {
  const n = net.inputs;
  const total = 2 ** n;
  const batches = Math.max(1, total / 32);
  const laneMask = total >= 32 ? 0xffffffff : (2 ** total - 1) >>> 0;
  const wires = new Int32Array(n);
  const flat = net.comparators.flat();
  let sorted = 0;
  for (let b = 0; b < batches; b++) sorted += popcount32(~unsortedLanes(flat, b, wires) & laneMask);
  return sorted;
}

export interface NetworkReport {
  readonly valid: boolean;
  readonly comparators: number;
  readonly depth: number;
  readonly inputsSorted: number;
  readonly inputsTotal: number;
}

export function checkNetwork(net: Network): NetworkReport {
  const inputsSorted = countSorted(net);
  const inputsTotal = 2 ** net.inputs;
  return {
    valid: inputsSorted === inputsTotal,
    comparators: net.comparators.length,
    depth: depth(net),
    inputsSorted,
    inputsTotal,
  };
}

/** Batcher's odd-even merge sort for n = 2^k inputs (Knuth 5.3.4). */
export function oddEvenMergeSort(n: number): Network {
  if (n < 2 || (n & (n - 1)) !== 0) throw new Error(`odd-even merge sort needs a power of two, got ${n}`);
  const comparators: Comparator[] = [];
  for (let p = 1; p < n; p *= 2) {
    for (let k = p; k >= 1; k = Math.floor(k / 2)) {
      for (let j = k % p; j + k < n; j += 2 * k) {
        for (let i = 0; i < Math.min(k, n - j - k); i++) {
          if (Math.floor((i + j) / (2 * p)) === Math.floor((i + j + k) / (2 * p))) {
            comparators.push([i + j, i + j + k]);
          }
        }
      }
    }
  }
  return { inputs: n, comparators };
}

/** Smallest known sizes (comparators) for n = 1..16 inputs, used to size genomes. */
export const BEST_KNOWN_SIZE = [0, 0, 1, 3, 5, 9, 12, 16, 19, 25, 29, 35, 39, 45, 51, 56, 60] as const;
