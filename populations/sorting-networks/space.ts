/**
 * A fixed set of 0/1 vectors in bit-sliced form (word k of wire w holds bit w
 * of vectors 32k..32k+31), for the two host-side questions the search asks
 * of a whole test-case space: how many inputs a network sorts (the probe,
 * weighted by how many inputs each vector stands for), and which comparators
 * never exchange anything (pruning). The space is either all 2^n inputs or a
 * prefix's unsorted outputs (prefix.ts).
 */
import type { Rng } from '../../core/index.ts';

export interface VectorSpace {
  readonly inputs: number;
  /** Vectors in the space. */
  readonly size: number;
  /** Words per wire: ceil(size / 32). */
  readonly words: number;
  /** wires[w * words + k]: bit t of word k is wire w of vector 32k + t. */
  readonly wires: Int32Array;
  /** Lanes of each word that hold a vector (all but possibly the last word are full). */
  readonly lanes: Int32Array;
}

export function vectorSpace(inputs: number, vectors: ArrayLike<number>): VectorSpace {
  const size = vectors.length;
  const words = Math.max(1, Math.ceil(size / 32));
  const wires = new Int32Array(inputs * words);
  const lanes = new Int32Array(words);
  for (let t = 0; t < size; t++) {
    const k = t >>> 5;
    const bit = 1 << (t & 31);
    lanes[k]! |= bit;
    const v = vectors[t]!;
    for (let w = 0; w < inputs; w++) if ((v >> w) & 1) wires[w * words + k]! |= bit;
  }
  return { inputs, size, words, wires, lanes };
}

/** Every 0/1 input on n wires. */
export function allInputs(inputs: number): VectorSpace {
  return vectorSpace(inputs, Int32Array.from({ length: 2 ** inputs }, (_, x) => x));
}

/** Comparators as a flat [i0, j0, i1, j1, ...] list; a pair with i == j is an unused slot and skipped. */
type Flat = ArrayLike<number>;

/**
 * Run the comparators over the space; return the sorted vectors as a lane
 * mask per word. `onComparator(k, fires)` is told, for slot k, whether it
 * exchanged on any vector (it runs before the comparator is applied, and a
 * comparator that fires nowhere changes nothing, so dropping it is safe).
 */
export function runSpace(space: VectorSpace, flat: Flat, onComparator?: (k: number, fires: boolean) => void): Int32Array {
  const { inputs, words } = space;
  const w = space.wires.slice();
  for (let k = 0; k < flat.length; k += 2) {
    const i = flat[k]!;
    const j = flat[k + 1]!;
    if (i === j) continue;
    const bi = i * words;
    const bj = j * words;
    let fires = 0;
    for (let q = 0; q < words; q++) {
      const a = w[bi + q]!;
      const c = w[bj + q]!;
      fires |= a & ~c;
      w[bi + q] = a & c;
      w[bj + q] = a | c;
    }
    onComparator?.(k >> 1, fires !== 0);
  }
  const sorted = new Int32Array(words);
  for (let q = 0; q < words; q++) {
    let bad = 0;
    for (let x = 0; x + 1 < inputs; x++) bad |= w[x * words + q]! & ~w[(x + 1) * words + q]!;
    sorted[q] = ~bad & space.lanes[q]!;
  }
  return sorted;
}

/** Sum of `weight[t]` over the vectors t the comparators sort. */
export function weightSorted(space: VectorSpace, flat: Flat, weight: ArrayLike<number>): number {
  const sorted = runSpace(space, flat);
  let total = 0;
  for (let q = 0; q < space.words; q++) {
    let m = sorted[q]!;
    while (m !== 0) {
      const low = m & -m;
      total += weight[32 * q + 31 - Math.clz32(low)]!;
      m ^= low;
    }
  }
  return total;
}

/**
 * Clear (set to the unused (0, 0)) every slot of a [i, j, ...] genome whose
 * comparator exchanges on no vector of the space; returns how many it cleared.
 * The network's output on every vector of the space is unchanged.
 */
export function pruneSlots(space: VectorSpace, genome: Float32Array): number {
  let cleared = 0;
  runSpace(space, genome, (k, fires) => {
    if (!fires) {
      genome[2 * k] = 0;
      genome[2 * k + 1] = 0;
      cleared++;
    }
  });
  return cleared;
}

/**
 * Complete a pruned [i, j, ...] genome (SorterHunter style, beyond Hillis):
 * move its comparators to the front, then while some vector of the space is
 * left unsorted and a slot is free, append a comparator (i, j), i < j, drawn
 * from the pairs that vector holds out of order (1 on wire i, 0 on wire j),
 * for a vector drawn from the unsorted ones. Every appended comparator fires,
 * so the result stays pruned. Returns how many vectors remain unsorted (0
 * unless the slots ran out).
 */
export function completeSlots(space: VectorSpace, genome: Float32Array, rng: Rng): number {
  const { inputs, words } = space;
  const slots = genome.length / 2;
  let used = 0;
  for (let k = 0; k < slots; k++) {
    const i = genome[2 * k]!;
    const j = genome[2 * k + 1]!;
    if (i === j) continue;
    genome[2 * used] = i;
    genome[2 * used + 1] = j;
    used++;
  }
  genome.fill(0, 2 * used);
  const w = space.wires.slice();
  const apply = (i: number, j: number): void => {
    for (let q = 0; q < words; q++) {
      const a = w[i * words + q]!;
      const c = w[j * words + q]!;
      w[i * words + q] = a & c;
      w[j * words + q] = a | c;
    }
  };
  for (let k = 0; k < used; k++) apply(genome[2 * k]!, genome[2 * k + 1]!);
  const unsorted = new Int32Array(words);
  for (;;) {
    let count = 0;
    for (let q = 0; q < words; q++) {
      let bad = 0;
      for (let x = 0; x + 1 < inputs; x++) bad |= w[x * words + q]! & ~w[(x + 1) * words + q]!;
      unsorted[q] = bad & space.lanes[q]!;
      count += popcount32(unsorted[q]!);
    }
    if (count === 0 || used === slots) return count;
    // The pick-th unsorted vector, then one of its out-of-order pairs.
    let pick = rng.int(count);
    let q = 0;
    while (pick >= popcount32(unsorted[q]!)) pick -= popcount32(unsorted[q++]!);
    let m = unsorted[q]!;
    for (; pick > 0; pick--) m &= m - 1;
    const lane = 31 - Math.clz32(m & -m);
    const bit = (x: number): number => (w[x * words + q]! >>> lane) & 1;
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < inputs; i++) if (bit(i)) for (let j = i + 1; j < inputs; j++) if (!bit(j)) pairs.push([i, j]);
    const [i, j] = pairs[rng.int(pairs.length)]!;
    genome[2 * used] = i;
    genome[2 * used + 1] = j;
    used++;
    apply(i, j);
  }
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Greedy reduction after completion: try the active slots in a random order
 * and clear each one whose removal leaves every vector of the space sorted,
 * then prune what no longer fires. Completion appends fixes at the end, which
 * can make earlier comparators unnecessary though they still exchange; this
 * finds them. Only for networks that sort the whole space (else it returns
 * without change). Returns how many slots it cleared.
 */
export function reduceSlots(space: VectorSpace, genome: Float32Array, rng: Rng): number {
  const sortsAll = (): boolean => runSpace(space, genome).every((m, q) => m === space.lanes[q]);
  if (!sortsAll()) return 0;
  const active: number[] = [];
  for (let k = 0; k < genome.length / 2; k++) if (genome[2 * k] !== genome[2 * k + 1]) active.push(k);
  for (let m = active.length - 1; m > 0; m--) {
    const r = rng.int(m + 1);
    [active[m], active[r]] = [active[r]!, active[m]!];
  }
  let cleared = 0;
  for (const k of active) {
    const i = genome[2 * k]!;
    const j = genome[2 * k + 1]!;
    genome[2 * k] = 0;
    genome[2 * k + 1] = 0;
    if (sortsAll()) cleared++;
    else {
      genome[2 * k] = i;
      genome[2 * k + 1] = j;
    }
  }
  return cleared + pruneSlots(space, genome);
}
