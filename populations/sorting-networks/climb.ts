/**
 * The local search of the shrinking phase (beyond Hillis; the moves of
 * SorterHunter by Bert Dobbelaere): starting from a network that sorts every
 * vector of a space, try `steps` random moves, each on the current network:
 *
 * - remove one comparator (the downhill move),
 * - swap two comparators,
 * - replace one by a random comparator,
 * - cross the wires of two comparators ((a, b), (c, d) -> (a, d), (c, b)),
 * - swap two neighbouring comparators that share a wire,
 * - move one end of a comparator to another wire.
 *
 * A step applies 1 to `maxMovesPerStep` moves and is kept when the network
 * still sorts the whole space; no move adds a comparator. The equal-size
 * moves let the network drift across a plateau of equally small networks
 * until a removal succeeds, which selection among whole children (completion
 * and reduction alone) does not do: there a child must get smaller or stay
 * equal in one variation step. One step in `escapeRate` is uphill instead: a
 * copy of a comparator goes in just before it (redundant, so the network
 * still sorts), and later moves may turn it into a useful one; without it the
 * climb stayed at 62 comparators at 16 inputs (docs/domains/sorting-networks.md).
 * The result is the smallest network the climb passed through (the latest
 * of that size), so it is never larger than the start.
 *
 * It runs inside the genome's repair (search.ts), so it is a pure function of
 * the genome and the breeding stream: deterministic and checkpoint-safe with
 * no new state.
 */
import type { Rng } from '../../core/index.ts';
import type { VectorSpace } from './space.ts';

export const CLIMB_MOVES = ['remove', 'swap', 'replace', 'cross', 'swap-neighbours', 'move-end'] as const;
export type ClimbMove = (typeof CLIMB_MOVES)[number];

/**
 * Climb a [i, j, ...] slot genome that sorts every vector of `space` (else it
 * is left as it is). Afterwards its comparators fill the first slots and the
 * rest are unused. Returns the number of steps kept.
 */
export type Climber = (genome: Float32Array, steps: number, rng: Rng) => number;

export function climber(space: VectorSpace, maxMovesPerStep = 1, escapeRate = 0): Climber {
  const { inputs, words } = space;
  // Vector word q laid out wire by wire, so that one word goes through the whole network at a time and the check stops at the first word left unsorted.
  const byWord = new Int32Array(words * inputs);
  for (let q = 0; q < words; q++) for (let w = 0; w < inputs; w++) byWord[q * inputs + w] = space.wires[w * words + q]!;
  const wire = new Int32Array(inputs);
  let firstFailing = 0;

  const sortsWord = (lo: Int32Array, hi: Int32Array, m: number, q: number): boolean => {
    for (let w = 0; w < inputs; w++) wire[w] = byWord[q * inputs + w]!;
    for (let k = 0; k < m; k++) {
      const i = lo[k]!;
      const j = hi[k]!;
      const a = wire[i]!;
      const c = wire[j]!;
      wire[i] = a & c;
      wire[j] = a | c;
    }
    let bad = 0;
    for (let w = 0; w + 1 < inputs; w++) bad |= wire[w]! & ~wire[w + 1]!;
    return (bad & space.lanes[q]!) === 0;
  };
  // The word that failed last is tried first: a candidate tends to fail where the previous one did. Only the speed depends on it, never the answer.
  const sorts = (lo: Int32Array, hi: Int32Array, m: number): boolean => {
    if (!sortsWord(lo, hi, m, firstFailing)) return false;
    for (let q = 0; q < words; q++) {
      if (q !== firstFailing && !sortsWord(lo, hi, m, q)) {
        firstFailing = q;
        return false;
      }
    }
    return true;
  };

  return (genome, steps, rng) => {
    const slots = genome.length / 2;
    const lo = new Int32Array(slots);
    const hi = new Int32Array(slots);
    let m = 0;
    for (let k = 0; k < slots; k++) {
      const i = genome[2 * k]!;
      const j = genome[2 * k + 1]!;
      if (i === j) continue;
      lo[m] = i;
      hi[m] = j;
      m++;
    }
    let kept = 0;
    let bestM = m;
    const bestLo = lo.slice();
    const bestHi = hi.slice();
    if (sorts(lo, hi, m)) {
      const tryLo = new Int32Array(slots);
      const tryHi = new Int32Array(slots);
      for (let s = 0; s < steps && m > 0; s++) {
        if (escapeRate > 0 && m < slots && rng.int(escapeRate) === 0) {
          // Uphill: a copy of comparator a just before it changes nothing, so the network still sorts; later moves can make it useful.
          const a = rng.int(m);
          lo.copyWithin(a + 1, a, m);
          hi.copyWithin(a + 1, a, m);
          m++;
          continue;
        }
        tryLo.set(lo);
        tryHi.set(hi);
        let size = m;
        for (let n = 1 + rng.int(maxMovesPerStep); n > 0 && size > 0; n--) {
          size = applyMove(tryLo, tryHi, size, CLIMB_MOVES[rng.int(CLIMB_MOVES.length)]!, inputs, rng);
          if (size < 0) break;
        }
        if (size <= 0 || !sorts(tryLo, tryHi, size)) continue;
        lo.set(tryLo);
        hi.set(tryHi);
        m = size;
        kept++;
        if (m <= bestM) {
          bestM = m;
          bestLo.set(lo);
          bestHi.set(hi);
        }
      }
    }
    lo.set(bestLo);
    hi.set(bestHi);
    m = bestM;
    genome.fill(0);
    for (let k = 0; k < m; k++) {
      genome[2 * k] = lo[k]!;
      genome[2 * k + 1] = hi[k]!;
    }
    return kept;
  };
}

/**
 * Apply one move to the m comparators (lo[k] < hi[k]) in place; returns the
 * new count, or -1 when the move does not apply (it would make a comparator
 * of one wire, or changes nothing), in which case the arrays may be changed
 * and are to be discarded.
 */
export function applyMove(lo: Int32Array, hi: Int32Array, m: number, move: ClimbMove, inputs: number, rng: Rng): number {
  const a = rng.int(m);
  const set = (k: number, i: number, j: number): boolean => {
    if (i === j) return false;
    lo[k] = Math.min(i, j);
    hi[k] = Math.max(i, j);
    return true;
  };
  switch (move) {
    case 'remove':
      lo.copyWithin(a, a + 1, m);
      hi.copyWithin(a, a + 1, m);
      return m - 1;
    case 'swap':
    case 'cross': {
      if (m < 2) return -1;
      let b = rng.int(m - 1);
      if (b >= a) b++;
      const [i1, j1, i2, j2] = [lo[a]!, hi[a]!, lo[b]!, hi[b]!];
      if (move === 'swap') return set(a, i2, j2) && set(b, i1, j1) ? m : -1;
      return set(a, i1, j2) && set(b, i2, j1) ? m : -1;
    }
    case 'replace': {
      const i = rng.int(inputs);
      let j = rng.int(inputs - 1);
      if (j >= i) j++;
      return set(a, i, j) ? m : -1;
    }
    case 'swap-neighbours': {
      if (a + 1 >= m) return -1;
      const [i1, j1, i2, j2] = [lo[a]!, hi[a]!, lo[a + 1]!, hi[a + 1]!];
      // Comparators on four different wires commute: swapping them changes nothing.
      if (i1 !== i2 && i1 !== j2 && j1 !== i2 && j1 !== j2) return -1;
      return set(a, i2, j2) && set(a + 1, i1, j1) ? m : -1;
    }
    case 'move-end': {
      const end = rng.int(2);
      const to = rng.int(inputs);
      return end === 0 ? (set(a, to, hi[a]!) ? m : -1) : set(a, lo[a]!, to) ? m : -1;
    }
  }
}
