/**
 * A fast host-side classifier for the probe and `redqueen eval`, where one
 * rule meets 10^4 ICs: the lattice in chunks of 8 cells (packing.ts), one
 * table fetch per chunk per step (an 8-cell update from a 14-cell window), and
 * a stop as soon as the outcome is settled: uniform in a fixed state, or back
 * to the lattice of two steps earlier (a non-uniform fixed point or period-2
 * pattern, which never becomes uniform). Same outcomes as the reference
 * (classify.ts); the tests check it on random rules and ICs.
 */
import { layout, packRule, pieces, type Layout } from './packing.ts';
import { countOnes } from './configuration.ts';
import { isFixed, majority } from './classify.ts';

const K = 8;

/** Where the 3 cells beside a chunk come from: pieces of other chunks. */
interface Piece {
  readonly chunk: number;
  readonly shift: number;
  readonly mask: number;
  readonly length: number;
}

function piecesOf(lay: Layout, a: number, len: number): Piece[] {
  return pieces(lay, a, len).map(({ chunk, offset, length }) => ({
    chunk,
    shift: lay.chunks[chunk]!.length - offset - length,
    mask: (1 << length) - 1,
    length,
  }));
}

export interface Classifier {
  /** 1 if the rule classifies `ic` (0/1 cells) correctly within the step limit, else 0. */
  classify(ic: ArrayLike<number>): 0 | 1;
}

export function fastClassifier(rule: ArrayLike<number>, size: number, steps: number): Classifier {
  const lay = layout(size, K);
  const M = lay.chunks.length;
  const row = new Float32Array(lay.tableEntries + 2);
  packRule(rule, lay, row);
  const table = Uint16Array.from(row.subarray(0, lay.tableEntries));
  const lefts = lay.chunks.map((c) => piecesOf(lay, c.start - 3, 3));
  const rights = lay.chunks.map((c) => piecesOf(lay, c.start + c.length, 3));
  const lengths = lay.chunks.map((c) => c.length);
  const fixed0 = isFixed(rule, 0);
  const fixed1 = isFixed(rule, 1);
  // Where each chunk's 3 left and 3 right cells sit, when each is one piece
  // of one chunk (every chunk but a short last one of 1-2 cells): then the
  // inner loop is a few shifts and masks; otherwise it walks the pieces.
  const simple = lefts.every((p) => p.length === 1) && rights.every((p) => p.length === 1);
  const lc = Int32Array.from(lefts, (p) => p[0]!.chunk);
  const ls = Int32Array.from(lefts, (p) => p[0]!.shift);
  const rc = Int32Array.from(rights, (p) => p[0]!.chunk);
  const rs = Int32Array.from(rights, (p) => p[0]!.shift);
  const len = Int32Array.from(lengths);
  const gather = (state: Int32Array, ps: readonly Piece[]): number => {
    let v = 0;
    for (const p of ps) v = (v << p.length) | ((state[p.chunk]! >> p.shift) & p.mask);
    return v;
  };
  const step = (src: Int32Array, dst: Int32Array): number => {
    let sum = 0;
    for (let j = 0; j < M; j++) {
      const l = len[j]!;
      const pad = K - l;
      const left = simple ? (src[lc[j]!]! >> ls[j]!) & 7 : gather(src, lefts[j]!);
      const right = simple ? (src[rc[j]!]! >> rs[j]!) & 7 : gather(src, rights[j]!);
      const v = table[((((left << l) | src[j]!) << 3) | right) << pad]! >> pad;
      dst[j] = v;
      sum += v;
    }
    return sum;
  };
  const same = (x: Int32Array, y: Int32Array): boolean => {
    for (let j = 0; j < M; j++) if (x[j] !== y[j]) return false;
    return true;
  };
  let a = new Int32Array(M);
  let b = new Int32Array(M);
  const prev = new Int32Array(M);
  return {
    classify(ic) {
      const m = majority(countOnes(ic), size);
      if (!isFixed(rule, m)) return 0;
      let sum = 0;
      lay.chunks.forEach((c, j) => {
        let v = 0;
        for (let i = 0; i < c.length; i++) v = (v << 1) | ic[c.start + i]!;
        a[j] = v;
        sum += v;
      });
      const settled = () => (sum === 0 && fixed0) || (sum === lay.full && fixed1);
      for (let t = 0; t < steps && !settled(); t++) {
        if (t % 2 === 0) prev.set(a);
        sum = step(a, b);
        [a, b] = [b, a];
        if (t % 2 === 1 && same(a, prev)) break;
      }
      return (m === 0 ? sum === 0 : sum === lay.full) ? 1 : 0;
    },
  };
}
