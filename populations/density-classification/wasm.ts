/**
 * The wasm backend's density kernel (assembly/density.ts): the host side.
 * The lattice is cut into M = ceil(N / 8) chunks of as equal length as can
 * be (3 to 8 cells for every N >= 7), so each chunk's 3 left and 3 right
 * neighbours lie in one neighbouring chunk; an IC becomes M bytes (first cell
 * the most significant bit) padded with zeros to whole 16-byte words, and its
 * majority. Rules go in as their 128 f32 genes; the kernel builds each one's
 * chunk table once per row.
 */
import type { WasmKernel } from '../../core/index.ts';
import { countOnes } from './configuration.ts';
import { majority } from './classify.ts';

/** Chunk lengths of an N-cell lattice: ceil(N / 8) chunks, lengths differing by at most one. */
export function wasmChunks(size: number): number[] {
  const m = Math.ceil(size / 8);
  const base = Math.floor(size / m);
  return Array.from({ length: m }, (_, j) => base + (j < size % m ? 1 : 0));
}

export function densityWasmKernel(size: number, steps: number): WasmKernel {
  const lengths = wasmChunks(size);
  const M = lengths.length;
  const stride = Math.ceil(M / 16) * 16;
  const starts = lengths.map((_, j) => lengths.slice(0, j).reduce((a, b) => a + b, 0));
  return {
    name: 'chunk-table',
    module: 'density-classification',
    plan({ rows, cols, opponents, width }, arena) {
      const rules = arena.putF32(rows.genes);
      const icsPtr = arena.alloc(cols.size * stride);
      const ics = arena.u8(icsPtr, cols.size * stride);
      const majPtr = arena.alloc(cols.size);
      const maj = arena.u8(majPtr, cols.size);
      for (let c = 0; c < cols.size; c++) {
        const ic = cols.genes.subarray(c * size, (c + 1) * size);
        for (let j = 0; j < M; j++) {
          let v = 0;
          for (let i = 0; i < lengths[j]!; i++) v = (v << 1) | ic[starts[j]! + i]!;
          ics[c * stride + j] = v;
        }
        maj[c] = majority(countOnes(ic), size);
      }
      // Per chunk: its length, the chunk to its left and right, and the shift
      // that leaves the right chunk's first 3 cells.
      const layPtr = arena.alloc(M * 16);
      const lay = arena.u32(layPtr, M * 4);
      for (let j = 0; j < M; j++) {
        const right = (j + 1) % M;
        lay.set([lengths[j]!, (j + M - 1) % M, right, lengths[right]! - 3], j * 4);
      }
      const fullPtr = arena.alloc(stride);
      arena.u8(fullPtr, M).set(lengths.map((l) => (1 << l) - 1));
      const opp = arena.putI32(opponents);
      const out = arena.alloc(rows.size * width * 4);
      return {
        fn: 'classifyRows',
        args: [rules, icsPtr, majPtr, stride, M, layPtr, fullPtr, opp, width, steps, out],
        scratchBytes: (1 << 14) + 1024 + 3 * stride,
        out,
      };
    },
  };
}
