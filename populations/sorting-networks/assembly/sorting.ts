// AssemblyScript (compiled by `npm run build:wasm`, not by tsc): the wasm
// backend's sorting-network kernel. Bit-sliced, 128 bits a word: a v128 per
// wire holds, lane by lane, the wire's bit of every vector of several
// challengers (a lane of 8, 16, 32 or 64 bits per challenger, by the test
// set's size), and four such words are played side by side so each
// comparator, decoded once per row, does four 128-bit AND/OR pairs (the
// offsets' loads and the loop amortised over 512 bits).
// The host (sorting-networks/wasm.ts) lays out memory; every pointer here is
// a byte offset into the shared memory, and nothing is allocated.

// Wire w of a group of four words lives at state + w * SPAN (+ 16, 32, 48 for the others).
const SPAN: u32 = 64;
const WORDS: u32 = 4;

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
    const d = dst + <usize>w * SPAN + off;
    if (laneBytes == 1) store<u8>(d, load<u8>(s));
    else if (laneBytes == 2) store<u16>(d, load<u16>(s));
    else if (laneBytes == 4) store<u32>(d, load<u32>(s));
    else store<u64>(d, load<u64>(s));
  }
}

@inline
function clearGroup(dst: usize, wires: u32): void {
  const zero = i64x2.splat(0);
  for (let w: u32 = 0; w <= wires; w++) {
    const d = dst + <usize>w * SPAN;
    v128.store(d, zero);
    v128.store(d, zero, 16);
    v128.store(d, zero, 32);
    v128.store(d, zero, 48);
  }
}

@inline
function copyGroup(dst: usize, src: usize, wires: u32): void {
  for (let w: u32 = 0; w <= wires; w++) {
    const d = dst + <usize>w * SPAN;
    const s = src + <usize>w * SPAN;
    v128.store(d, v128.load(s));
    v128.store(d, v128.load(s, 16), 16);
    v128.store(d, v128.load(s, 32), 32);
    v128.store(d, v128.load(s, 48), 48);
  }
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
 * time), their ids at `list` + r * virtuals * 4; virtual entry v adds into
 * out[r * width + v / groups] (f32). When every row plays the same list
 * (round robin), `blocks` != 0 holds its groups already laid out as the
 * kernel's state (the host packed them once), and `list` is read from row 0.
 * `cols` holds, per virtual column, `wires` u64 words (bit t = vector t) and
 * its mask. `scratch`: this thread's own bytes ((wires + 1) * 64 + 64 + 8 * slots).
 */
export function sortRows(
  r0: u32, r1: u32,
  nets: usize, slots: u32,
  cols: usize, wires: u32,
  list: usize, blocks: usize, virtuals: u32, groups: u32,
  laneBytes: u32,
  out: usize, width: u32,
  scratch: usize,
): void {
  const lanes: u32 = 16 / laneBytes;
  const perGroup: u32 = WORDS * lanes;
  const groupBytes = <usize>(wires + 1) * SPAN;
  const state = scratch;
  const good = state + groupBytes;
  const offs = good + 64;
  for (let r = r0; r < r1; r++) {
    // Decode the network once per row: byte offsets of each active comparator's wires.
    const net = nets + <usize>(r * slots) * 8;
    let active: u32 = 0;
    for (let k: u32 = 0; k < slots; k++) {
      const i = <u32>load<f32>(net + <usize>k * 8);
      const j = <u32>load<f32>(net + <usize>k * 8, 4);
      if (i != j) {
        store<u32>(offs + <usize>active * 8, i * SPAN);
        store<u32>(offs + <usize>active * 8, j * SPAN, 4);
        active++;
      }
    }
    const o = out + <usize>(r * width) * 4;
    for (let t: u32 = 0; t < width; t++) store<f32>(o + <usize>t * 4, 0);
    const ids = list + (blocks ? 0 : <usize>(r * virtuals) * 4);
    for (let v0: u32 = 0, g: u32 = 0; v0 < virtuals; v0 += perGroup, g++) {
      const n = min<u32>(perGroup, virtuals - v0);
      if (blocks) {
        copyGroup(state, blocks + <usize>g * groupBytes, wires);
      } else {
        if (n < perGroup) clearGroup(state, wires);
        for (let l: u32 = 0; l < n; l++) {
          const vc = load<u32>(ids + <usize>(v0 + l) * 4);
          gatherLane(state + <usize>(l / lanes) * 16, cols, vc, wires, l % lanes, laneBytes);
        }
      }
      // The network: wire i gets W_i AND W_j, wire j gets W_i OR W_j, in all four words.
      for (let k: u32 = 0; k < active; k++) {
        const pi = state + <usize>load<u32>(offs + <usize>k * 8);
        const pj = state + <usize>load<u32>(offs + <usize>k * 8, 4);
        const a0 = v128.load(pi);
        const b0 = v128.load(pj);
        const a1 = v128.load(pi, 16);
        const b1 = v128.load(pj, 16);
        const a2 = v128.load(pi, 32);
        const b2 = v128.load(pj, 32);
        const a3 = v128.load(pi, 48);
        const b3 = v128.load(pj, 48);
        v128.store(pi, v128.and(a0, b0));
        v128.store(pj, v128.or(a0, b0));
        v128.store(pi, v128.and(a1, b1), 16);
        v128.store(pj, v128.or(a1, b1), 16);
        v128.store(pi, v128.and(a2, b2), 32);
        v128.store(pj, v128.or(a2, b2), 32);
        v128.store(pi, v128.and(a3, b3), 48);
        v128.store(pj, v128.or(a3, b3), 48);
      }
      // A vector is sorted when no wire holds 1 while the next holds 0.
      let bad0 = i64x2.splat(0);
      let bad1 = i64x2.splat(0);
      let bad2 = i64x2.splat(0);
      let bad3 = i64x2.splat(0);
      let lo0 = v128.load(state);
      let lo1 = v128.load(state, 16);
      let lo2 = v128.load(state, 32);
      let lo3 = v128.load(state, 48);
      for (let w: u32 = 1; w < wires; w++) {
        const p = state + <usize>w * SPAN;
        const hi0 = v128.load(p);
        const hi1 = v128.load(p, 16);
        const hi2 = v128.load(p, 32);
        const hi3 = v128.load(p, 48);
        bad0 = v128.or(bad0, v128.andnot(lo0, hi0));
        bad1 = v128.or(bad1, v128.andnot(lo1, hi1));
        bad2 = v128.or(bad2, v128.andnot(lo2, hi2));
        bad3 = v128.or(bad3, v128.andnot(lo3, hi3));
        lo0 = hi0;
        lo1 = hi1;
        lo2 = hi2;
        lo3 = hi3;
      }
      const mask = state + <usize>wires * SPAN;
      v128.store(good, v128.andnot(v128.load(mask), bad0));
      v128.store(good, v128.andnot(v128.load(mask, 16), bad1), 16);
      v128.store(good, v128.andnot(v128.load(mask, 32), bad2), 32);
      v128.store(good, v128.andnot(v128.load(mask, 48), bad3), 48);
      if (groups == 1 && n == perGroup && laneBytes <= 2) {
        // One group a challenger and a full group: count all lanes at once and store them straight.
        const p = o + <usize>v0 * 4;
        for (let q: u32 = 0; q < WORDS; q++) {
          let c = i8x16.popcnt(v128.load(good + <usize>q * 16));
          if (laneBytes == 1) {
            const c16 = i16x8.extend_low_i8x16_u(c);
            const h16 = i16x8.extend_high_i8x16_u(c);
            const at = p + <usize>q * 64;
            v128.store(at, f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(c16)));
            v128.store(at, f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(c16)), 16);
            v128.store(at, f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(h16)), 32);
            v128.store(at, f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(h16)), 48);
          } else {
            c = i16x8.extadd_pairwise_i8x16_u(c);
            const at = p + <usize>q * 32;
            v128.store(at, f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(c)));
            v128.store(at, f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(c)), 16);
          }
        }
        continue;
      }
      for (let l: u32 = 0; l < n; l++) {
        const t = (v0 + l) / groups;
        const p = o + <usize>t * 4;
        store<f32>(p, load<f32>(p) + <f32>laneCount(good + <usize>(l / lanes) * 16, l % lanes, laneBytes));
      }
    }
  }
}
