/**
 * Bit-packed lattices for the kernels. The lattice is cut into chunks of k
 * cells (the last one shorter when k does not divide N); a chunk is one
 * number, its first cell the most significant bit. A rule becomes a chunk
 * table: entry w, for the k + 6 cells around a chunk read as a number (the 3
 * cells before it first), is the chunk's next value. One table fetch then
 * updates k cells. Values stay below 2^(k + 6) <= 2^24, so every backend's
 * f32 holds them, and the kernels split and join chunks with multiplications
 * by powers of two and floor(), which are exact in f32 (no emulated bitwise
 * operations on GL).
 */
import { countOnes } from './configuration.ts';
import { majority } from './classify.ts';

/** Largest chunk: a table index has k + 6 bits and must stay exact in f32. */
export const MAX_CHUNK = 18;

export interface Chunk {
  readonly start: number;
  readonly length: number;
}

export interface Layout {
  readonly size: number;
  readonly k: number;
  readonly chunks: readonly Chunk[];
  /** Entries of a chunk table (2^(k+6)); row layout [table..., fixed0, fixed1]. */
  readonly tableEntries: number;
  /** Packed IC row: [chunk values..., majority]. */
  readonly icWidth: number;
  /** Sum of all chunks when every cell holds 1. */
  readonly full: number;
}

export function layout(size: number, k: number): Layout {
  if (!Number.isInteger(k) || k < 1 || k > MAX_CHUNK) throw new Error(`chunk size ${k} must be 1..${MAX_CHUNK}`);
  const chunks: Chunk[] = [];
  for (let start = 0; start < size; start += k) chunks.push({ start, length: Math.min(k, size - start) });
  const full = chunks.reduce((s, c) => s + 2 ** c.length - 1, 0);
  return { size, k, chunks, tableEntries: 2 ** (k + 6), icWidth: chunks.length + 1, full };
}

/** Cells a .. a+len-1 of the ring (a may be negative) as pieces of chunks: chunk j, its cells offset .. offset+length-1. */
export function pieces(lay: Layout, a: number, len: number): Array<{ readonly chunk: number; readonly offset: number; readonly length: number }> {
  const out = [];
  let pos = ((a % lay.size) + lay.size) % lay.size;
  for (let left = len; left > 0; ) {
    const chunk = Math.floor(pos / lay.k);
    const c = lay.chunks[chunk]!;
    const offset = pos - c.start;
    const length = Math.min(left, c.length - offset);
    out.push({ chunk, offset, length });
    pos = (pos + length) % lay.size;
    left -= length;
  }
  return out;
}

/** Write the row of one rule: its chunk table, then fixed0 (table[0] == 0) and fixed1 (table[127] == 1) as 0/1. */
export function packRule(rule: ArrayLike<number>, lay: Layout, out: Float32Array): void {
  const { k, tableEntries } = lay;
  for (let w = 0; w < tableEntries; w++) {
    let v = 0;
    for (let r = 0; r < k; r++) v = v * 2 + rule[(w >> (k - 1 - r)) & 127]!;
    out[w] = v;
  }
  out[tableEntries] = rule[0] === 0 ? 1 : 0;
  out[tableEntries + 1] = rule[127] === 1 ? 1 : 0;
}

/** Write the row of one IC: its chunk values, then its majority state. */
export function packConfiguration(ic: ArrayLike<number>, lay: Layout, out: Float32Array): void {
  lay.chunks.forEach((c, j) => {
    let v = 0;
    for (let i = 0; i < c.length; i++) v = v * 2 + ic[c.start + i]!;
    out[j] = v;
  });
  out[lay.chunks.length] = majority(countOnes(ic), lay.size);
}
