// AssemblyScript (compiled by `npm run build:wasm`, not by tsc): the wasm
// backend's density-classification kernel. The lattice is cut into chunks of
// 3..8 cells, one byte each (first cell the most significant bit), and the
// rule becomes a chunk table: entry w, the 14 cells around a chunk read as a
// number, is the chunk's next 8 cells, so one fetch updates a whole chunk
// (the chunk-table idea of packing.ts, with integer bytes in place of f32).
// Lattices are padded to whole v128 words with zeros: the uniform and
// back-to-two-steps-ago checks are a few 128-bit compares per step.
// The host (density-classification/wasm.ts) lays out memory; every pointer
// is a byte offset into the shared memory, and nothing is allocated.

const K: u32 = 8;
const WINDOW: u32 = K + 6;

/** Next value of the k cells in the middle of a (k + 6)-cell window, straight from the rule (genes are f32 0/1). */
@inline
function direct(rule: usize, w: u32, k: u32): u32 {
  let v: u32 = 0;
  for (let r: u32 = 0; r < k; r++) v = (v << 1) | <u32>load<f32>(rule + <usize>((w >> (k - 1 - r)) & 127) * 4);
  return v;
}

/**
 * The 2^14-entry chunk table at `table`, built from two 4-cell tables (an
 * 8-cell chunk's first four cells depend on the window's top 10 cells, its
 * last four on the low 10): two fetches an entry instead of eight.
 */
function buildTable(rule: usize, table: usize, half: usize): void {
  for (let w: u32 = 0; w < 1024; w++) store<u8>(half + w, direct(rule, w, 4));
  for (let w: u32 = 0; w < (1 << WINDOW); w++) {
    store<u8>(table + w, (<u32>load<u8>(half + (w >> 4)) << 4) | <u32>load<u8>(half + (w & 1023)));
  }
}

@inline
function allEqual(a: usize, b: usize, words: u32): bool {
  for (let q: u32 = 0; q < words; q++) {
    if (v128.any_true(v128.xor(v128.load(a + <usize>q * 16), v128.load(b + <usize>q * 16)))) return false;
  }
  return true;
}

@inline
function allZero(a: usize, words: u32): bool {
  for (let q: u32 = 0; q < words; q++) if (v128.any_true(v128.load(a + <usize>q * 16))) return false;
  return true;
}

@inline
function copy(dst: usize, src: usize, words: u32): void {
  for (let q: u32 = 0; q < words; q++) v128.store(dst + <usize>q * 16, v128.load(src + <usize>q * 16));
}

/**
 * Rows (rules, 128 f32 genes each at `rules`) r0..r1-1 against their
 * opponents (i32 at `opp`, `width` per row): out[r * width + t] = 1.0 when
 * the rule takes IC opp[...] to the uniform state of its majority, a fixed
 * point, within `steps` steps, else 0 (classify.ts's reference, exactly).
 * ICs: `stride` bytes of chunk values each at `ics`, majority bytes at `maj`.
 * Layout: M chunks; per chunk 4 i32 at `lay`: length, left chunk, right
 * chunk, shift of the right chunk's first 3 cells. `full`: the all-1 lattice.
 * `scratch`: this thread's 2^14 + 1024 + 3 * stride bytes.
 */
export function classifyRows(
  r0: u32, r1: u32, rules: usize,
  ics: usize, maj: usize, stride: u32, chunks: u32, lay: usize, full: usize,
  opp: usize, width: u32, steps: u32,
  out: usize, scratch: usize,
): void {
  const table = scratch;
  const half = table + (1 << WINDOW);
  let a = half + 1024;
  let b = a + stride;
  const prev = b + stride;
  const words = stride / 16;
  for (let r = r0; r < r1; r++) {
    const rule = rules + <usize>r * 512;
    buildTable(rule, table, half);
    const fixed0 = load<f32>(rule) == 0;
    const fixed1 = load<f32>(rule, 127 * 4) == 1;
    for (let t: u32 = 0; t < width; t++) {
      const c = load<u32>(opp + <usize>(r * width + t) * 4);
      const m = load<u8>(maj + c);
      const o = out + <usize>(r * width + t) * 4;
      if (m == 0 ? !fixed0 : !fixed1) {
        store<f32>(o, 0);
        continue;
      }
      copy(a, ics + <usize>(c * stride), words);
      let zero = allZero(a, words);
      let ones = allEqual(a, full, words);
      for (let s: u32 = 0; s < steps; s++) {
        if ((zero && fixed0) || (ones && fixed1)) break;
        if ((s & 1) == 0) copy(prev, a, words);
        for (let j: u32 = 0; j < chunks; j++) {
          const d = lay + <usize>j * 16;
          const l = load<u32>(d);
          const left = <u32>load<u8>(a + <usize>load<u32>(d, 4)) & 7;
          const right = <u32>load<u8>(a + <usize>load<u32>(d, 8)) >> load<u32>(d, 12);
          const pad = K - l;
          const w = ((((left << l) | <u32>load<u8>(a + j)) << 3) | right) << pad;
          store<u8>(b + j, <u32>load<u8>(table + w) >> pad);
        }
        const tmp = a;
        a = b;
        b = tmp;
        zero = allZero(a, words);
        ones = allEqual(a, full, words);
        if ((s & 1) == 1 && allEqual(a, prev, words)) break;
      }
      store<f32>(o, (m == 0 ? zero : ones) ? 1 : 0);
    }
  }
}
