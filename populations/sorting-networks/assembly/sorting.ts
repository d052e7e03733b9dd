// AssemblyScript (compiled by `npm run build:wasm`, not by tsc): the wasm
// backend's sorting-network kernel. Bit-sliced, 128 bits a word: a v128 per
// wire holds, lane by lane, the wire's bit of every vector of several
// challengers (a lane of 8, 16, 32 or 64 bits per challenger, by the test
// set's size), and two such blocks are played side by side so each
// comparator, decoded once per row, does two 128-bit AND/OR pairs.
// The host (sorting-networks/wasm.ts) lays out memory; every pointer here is
// a byte offset into the shared memory, and nothing is allocated.

// Wire w of the two interleaved blocks lives at state + w * 32 (+ 16 for the second).
const PAIR: u32 = 32;

/**
 * Copy lane `lane` of a block (wire words and mask) from virtual column `vc`:
 * `cols` holds, per virtual column, `wires` u64 words (bit t = vector t) then its mask.
 */
@inline
function gatherLane(dst: usize, cols: usize, vc: u32, wires: u32, lane: u32, laneBytes: u32): void {
  const src = cols + <usize>(vc * (wires + 1)) * 8;
  const off = <usize>(lane * laneBytes);
  for (let w: u32 = 0; w <= wires; w++) {
    const s = src + <usize>w * 8;
    const d = dst + <usize>w * PAIR + off;
    if (laneBytes == 1) store<u8>(d, load<u8>(s));
    else if (laneBytes == 2) store<u16>(d, load<u16>(s));
    else if (laneBytes == 4) store<u32>(d, load<u32>(s));
    else store<u64>(d, load<u64>(s));
  }
}

@inline
function clearHalf(dst: usize, wires: u32): void {
  for (let w: u32 = 0; w <= wires; w++) v128.store(dst + <usize>w * PAIR, i64x2.splat(0));
}

/** Sorted vectors in lane `lane` of the good-word at `p`. */
@inline
function laneCount(p: usize, lane: u32, laneBytes: u32): u32 {
  const a = p + <usize>(lane * laneBytes);
  if (laneBytes == 1) return popcnt<u32>(<u32>load<u8>(a));
  if (laneBytes == 2) return popcnt<u32>(<u32>load<u16>(a));
  if (laneBytes == 4) return popcnt<u32>(load<u32>(a));
  return <u32>popcnt<u64>(load<u64>(a));
}

/**
 * Rows r0..r1-1. Networks: `slots` (i, j) pairs of f32 per row at `nets`.
 * Each row plays `virtuals` virtual columns (a challenger's vectors, 64 at a
 * time), their ids at `list` (+ r * virtuals * 4 unless `sharedList`);
 * virtual entry v adds into out[r * width + v / groups] (f32).
 * `scratch`: this thread's own bytes ((wires + 1) * 32 + 32 + 4 * slots).
 */
export function sortRows(
  r0: u32, r1: u32,
  nets: usize, slots: u32,
  cols: usize, wires: u32,
  list: usize, sharedList: u32, virtuals: u32, groups: u32,
  laneBytes: u32,
  out: usize, width: u32,
  scratch: usize,
): void {
  const lanes: u32 = 16 / laneBytes;
  const state = scratch;
  const good = state + <usize>(wires + 1) * PAIR;
  const offs = good + 32;
  const perPair: u32 = 2 * lanes;
  for (let r = r0; r < r1; r++) {
    // Decode the network once per row: byte offsets of each active comparator's wires.
    const net = nets + <usize>(r * slots) * 8;
    let active: u32 = 0;
    for (let k: u32 = 0; k < slots; k++) {
      const i = <u32>load<f32>(net + <usize>k * 8);
      const j = <u32>load<f32>(net + <usize>k * 8, 4);
      if (i != j) {
        store<u32>(offs + <usize>active * 8, i * PAIR);
        store<u32>(offs + <usize>active * 8, j * PAIR, 4);
        active++;
      }
    }
    const o = out + <usize>(r * width) * 4;
    for (let t: u32 = 0; t < width; t++) store<f32>(o + <usize>t * 4, 0);
    const ids = list + (sharedList ? 0 : <usize>(r * virtuals) * 4);
    for (let v0: u32 = 0; v0 < virtuals; v0 += perPair) {
      const n = min<u32>(perPair, virtuals - v0);
      if (n < perPair) {
        clearHalf(state, wires);
        clearHalf(state + 16, wires);
      }
      for (let l: u32 = 0; l < n; l++) {
        const vc = load<u32>(ids + <usize>(v0 + l) * 4);
        const half: usize = l < lanes ? 0 : 16;
        gatherLane(state + half, cols, vc, wires, l < lanes ? l : l - lanes, laneBytes);
      }
      // The network: wire i gets W_i AND W_j, wire j gets W_i OR W_j, in both blocks.
      for (let k: u32 = 0; k < active; k++) {
        const pi = state + <usize>load<u32>(offs + <usize>k * 8);
        const pj = state + <usize>load<u32>(offs + <usize>k * 8, 4);
        const a0 = v128.load(pi);
        const b0 = v128.load(pj);
        const a1 = v128.load(pi, 16);
        const b1 = v128.load(pj, 16);
        v128.store(pi, v128.and(a0, b0));
        v128.store(pj, v128.or(a0, b0));
        v128.store(pi, v128.and(a1, b1), 16);
        v128.store(pj, v128.or(a1, b1), 16);
      }
      // A vector is sorted when no wire holds 1 while the next holds 0.
      let bad0 = i64x2.splat(0);
      let bad1 = i64x2.splat(0);
      let lo0 = v128.load(state);
      let lo1 = v128.load(state, 16);
      for (let w: u32 = 1; w < wires; w++) {
        const hi0 = v128.load(state + <usize>w * PAIR);
        const hi1 = v128.load(state + <usize>w * PAIR, 16);
        bad0 = v128.or(bad0, v128.andnot(lo0, hi0));
        bad1 = v128.or(bad1, v128.andnot(lo1, hi1));
        lo0 = hi0;
        lo1 = hi1;
      }
      const mask = state + <usize>wires * PAIR;
      v128.store(good, v128.andnot(v128.load(mask), bad0));
      v128.store(good, v128.andnot(v128.load(mask, 16), bad1), 16);
      for (let l: u32 = 0; l < n; l++) {
        const t = (v0 + l) / groups;
        const p = o + <usize>t * 4;
        store<f32>(p, load<f32>(p) + <f32>laneCount(good + (l < lanes ? 0 : 16), l < lanes ? l : l - lanes, laneBytes));
      }
    }
  }
}
