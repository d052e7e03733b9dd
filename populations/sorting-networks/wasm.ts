/**
 * The wasm backend's sorting-network kernel (assembly/sorting.ts): the host
 * side. Each batch, the challengers become wire words: a test set's vectors
 * in groups of at most 64, one 64-bit word per wire and group (bit b = wire w
 * of the group's vector b), then a mask of the group's vectors; each such
 * (challenger, group) is a virtual column. A lane of a v128 holds one virtual
 * column: 8 bits when every group has at most 8 vectors, else 16, 32 or 64,
 * so 16 vectors a challenger put eight challengers in a word, and the kernel
 * plays four words (32 challengers) at once. Networks go in as they are (f32
 * genes); the kernel decodes each once per row.
 */
import type { WasmArena, WasmKernel } from '../../core/index.ts';
import { vectorGroups } from './bit-sliced.ts';

/** Bytes per wire in the kernel's state: four v128 words. */
const SPAN = 64;

/**
 * The kernel's state for each group of 4 x (16 / laneBytes) virtual columns
 * of `list`: per wire (and the mask), four v128 words, lane l of word q from
 * virtual column list[group * perGroup + q * lanes + l]. Returns its offset.
 */
function packGroups(arena: WasmArena, words: Uint32Array, list: Uint32Array, inputs: number, laneBytes: number): number {
  const lanes = 16 / laneBytes;
  const perGroup = 4 * lanes;
  const count = Math.ceil(list.length / perGroup);
  const groupBytes = (inputs + 1) * SPAN;
  const ptr = arena.alloc(count * groupBytes);
  const dst = arena.u8(ptr, count * groupBytes);
  const src = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const perVirtual = 8 * (inputs + 1);
  for (let v = 0; v < list.length; v++) {
    const g = Math.floor(v / perGroup);
    const slot = v % perGroup;
    const at = g * groupBytes + (slot >> Math.log2(lanes)) * 16 + (slot % lanes) * laneBytes;
    const from = list[v]! * perVirtual;
    for (let w = 0; w <= inputs; w++) dst.set(src.subarray(from + 8 * w, from + 8 * w + laneBytes), at + w * SPAN);
  }
  return ptr;
}

export function sortingWasmKernel(inputs: number, vectors: number, slots: number): WasmKernel {
  const sizes = vectorGroups(vectors, 64);
  const groups = sizes.length;
  const widest = Math.max(...sizes);
  const laneBytes = widest <= 8 ? 1 : widest <= 16 ? 2 : widest <= 32 ? 4 : 8;
  // u32 halves per virtual column: (inputs wire words + 1 mask) x 2.
  const perVirtual = 2 * (inputs + 1);
  return {
    name: 'bit-sliced v128',
    module: 'sorting-networks',
    plan({ rows, cols, opponents, width }, arena) {
      const nets = arena.putF32(rows.genes);
      const colsPtr = arena.alloc(cols.size * groups * perVirtual * 4);
      const words = arena.u32(colsPtr, cols.size * groups * perVirtual);
      for (let c = 0; c < cols.size; c++) {
        const set = cols.genes.subarray(c * vectors, (c + 1) * vectors);
        let t = 0;
        for (let g = 0; g < groups; g++) {
          const base = (c * groups + g) * perVirtual;
          for (let b = 0; b < sizes[g]!; b++, t++) {
            const v = set[t]!;
            const half = b >> 5;
            const bit = (1 << (b & 31)) >>> 0;
            for (let w = 0; w < inputs; w++) if ((v >> w) & 1) words[base + 2 * w + half]! |= bit;
            words[base + 2 * inputs + half]! |= bit;
          }
        }
      }
      // One list of virtual columns for every row when the rows share their opponents (round robin).
      let shared = true;
      for (let r = 1; r < rows.size && shared; r++) {
        for (let t = 0; t < width; t++) {
          if (opponents[r * width + t] !== opponents[t]) {
            shared = false;
            break;
          }
        }
      }
      const listRows = shared ? 1 : rows.size;
      const listPtr = arena.alloc(listRows * width * groups * 4);
      const list = arena.u32(listPtr, listRows * width * groups);
      for (let i = 0; i < listRows * width; i++) for (let g = 0; g < groups; g++) list[i * groups + g] = opponents[i]! * groups + g;
      const virtuals = width * groups;
      // Round robin: lay the shared list's groups out once as the kernel's state, so rows copy them whole.
      const blocks = shared ? packGroups(arena, words, list, inputs, laneBytes) : 0;
      const out = arena.alloc(rows.size * width * 4);
      return {
        fn: 'sortRows',
        args: [nets, slots, colsPtr, inputs, listPtr, blocks, virtuals, groups, laneBytes, out, width],
        scratchBytes: (inputs + 1) * SPAN + SPAN + 8 * slots,
        out,
      };
    },
  };
}
