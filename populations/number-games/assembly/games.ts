// AssemblyScript (compiled by `npm run build:wasm`, not by tsc): the wasm
// backend's number-games kernel, four opponents a v128 (f32x4 lanes: the
// coordinates are integers below 2^20 and sums below 2^24, so f32 is exact,
// as in the gpu.js kernel). games.ts has the rules; game ids as there:
// 0 sum, 1 intransitive, 2 focusing.

/**
 * Rows r0..r1-1 of `dims` f32 coordinates at `rows` against their opponents
 * (i32 column ids at `opp`, `width` per row) among `cols`: out[r * width + t]
 * = 2 (win), 1 (draw) or 0 (loss), as f32.
 */
export function playRows(
  r0: u32, r1: u32, rows: usize, cols: usize, dims: u32, game: u32,
  opp: usize, width: u32, out: usize,
): void {
  const stride = <usize>dims * 4;
  for (let r = r0; r < r1; r++) {
    const me = rows + <usize>r * stride;
    const ids = opp + <usize>(r * width) * 4;
    for (let t: u32 = 0; t < width; t += 4) {
      const n = min<u32>(4, width - t);
      // Missing lanes (past the row's end) repeat the last opponent and are not stored.
      const c0 = cols + <usize>load<u32>(ids + <usize>t * 4) * stride;
      const c1 = n > 1 ? cols + <usize>load<u32>(ids + <usize>(t + 1) * 4) * stride : c0;
      const c2 = n > 2 ? cols + <usize>load<u32>(ids + <usize>(t + 2) * 4) * stride : c1;
      const c3 = n > 3 ? cols + <usize>load<u32>(ids + <usize>(t + 3) * 4) * stride : c2;
      let sumA = f32x4.splat(0);
      let sumB = f32x4.splat(0);
      // Intransitive keeps the smallest difference (ties: the lowest dimension), focusing the largest.
      let chosen = f32x4.splat(game == 1 ? Infinity : -1);
      let pick = f32x4.splat(0);
      for (let d: u32 = 0; d < dims; d++) {
        const off = <usize>d * 4;
        const x = f32x4.splat(load<f32>(me + off));
        let y = f32x4.splat(load<f32>(c0 + off));
        y = f32x4.replace_lane(y, 1, load<f32>(c1 + off));
        y = f32x4.replace_lane(y, 2, load<f32>(c2 + off));
        y = f32x4.replace_lane(y, 3, load<f32>(c3 + off));
        sumA = f32x4.add(sumA, x);
        sumB = f32x4.add(sumB, y);
        const delta = f32x4.sub(x, y);
        const diff = f32x4.abs(delta);
        const take = game == 1 ? f32x4.lt(diff, chosen) : f32x4.gt(diff, chosen);
        chosen = v128.bitselect(diff, chosen, take);
        pick = v128.bitselect(delta, pick, take);
      }
      if (game == 0) pick = f32x4.sub(sumA, sumB);
      const zero = f32x4.splat(0);
      // Compares give all-ones (-1) lanes: 1 - (pick > 0) + (pick < 0) is 2, 1 or 0.
      const score = i32x4.add(i32x4.sub(i32x4.splat(1), f32x4.gt(pick, zero)), f32x4.lt(pick, zero));
      const o = out + <usize>(r * width + t) * 4;
      const f = f32x4.convert_i32x4_s(score);
      store<f32>(o, f32x4.extract_lane(f, 0));
      if (n > 1) store<f32>(o, f32x4.extract_lane(f, 1), 4);
      if (n > 2) store<f32>(o, f32x4.extract_lane(f, 2), 8);
      if (n > 3) store<f32>(o, f32x4.extract_lane(f, 3), 12);
    }
  }
}
