/**
 * The interaction matrix as a small picture for viewers. Rows (solvers) and
 * columns (challengers) are sorted by fitness, best first, so structure shows
 * (a dominant block, a stripe of hard test cases) instead of the population's
 * arbitrary order; then blocks are averaged down to at most `maxSide` a side
 * and quantized to one byte per cell.
 */
import { MATRIX_LEVELS, MATRIX_NOT_MET, type MatrixImage } from './protocol.ts';

/** Largest side sent live: a 256 x 256 matrix goes whole. */
export const MATRIX_MAX_SIDE = 256;

/** Indices 0..n-1 ordered by descending score (ties by index, so it is deterministic). */
export function orderByScore(scores: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Block boundaries: `parts` nearly equal ranges covering 0..n. */
function bounds(n: number, parts: number): Int32Array {
  const b = new Int32Array(parts + 1);
  for (let i = 0; i <= parts; i++) b[i] = Math.round((i * n) / parts);
  return b;
}

export function matrixImage(args: {
  /** rows x cols, row-major, values in [0, 1], NaN where no game was played. */
  readonly matrix: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  readonly rowScores: ArrayLike<number>;
  readonly colScores: ArrayLike<number>;
  readonly maxSide?: number;
}): MatrixImage {
  const { matrix, rows, cols } = args;
  const maxSide = args.maxSide ?? MATRIX_MAX_SIDE;
  const outRows = Math.min(rows, maxSide);
  const outCols = Math.min(cols, maxSide);
  const rowOrder = orderByScore(args.rowScores);
  const colOrder = orderByScore(args.colScores);
  const rb = bounds(rows, outRows);
  const cb = bounds(cols, outCols);
  const bytes = new Uint8Array(outRows * outCols);
  for (let r = 0; r < outRows; r++) {
    for (let c = 0; c < outCols; c++) {
      let sum = 0;
      let met = 0;
      for (let i = rb[r]!; i < rb[r + 1]!; i++) {
        const base = rowOrder[i]! * cols;
        for (let j = cb[c]!; j < cb[c + 1]!; j++) {
          const v = matrix[base + colOrder[j]!]!;
          if (Number.isNaN(v)) continue;
          sum += v;
          met++;
        }
      }
      bytes[r * outCols + c] = met === 0 ? MATRIX_NOT_MET : Math.round((sum / met) * MATRIX_LEVELS);
    }
  }
  return { rows: outRows, cols: outCols, solvers: rows, challengers: cols, data: toBase64(bytes) };
}

/** Decode a matrix image back to cell values (NaN = not met). Used by the viewer and tests. */
export function matrixValues(image: MatrixImage): Float32Array {
  const bytes = fromBase64(image.data);
  const out = new Float32Array(image.rows * image.cols);
  for (let i = 0; i < out.length; i++) {
    const b = bytes[i] ?? MATRIX_NOT_MET;
    out[i] = b === MATRIX_NOT_MET ? Number.NaN : b / MATRIX_LEVELS;
  }
  return out;
}

// btoa/atob exist in browsers and in Node >= 16, so this module runs in both.
// In Node, Buffer does it ~200x faster than btoa (which is a slow legacy path
// there): a 256 x 256 matrix took 20 ms a generation, most of streaming.
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  let s: string;
  try {
    s = atob(text);
  } catch {
    return new Uint8Array(0);
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
