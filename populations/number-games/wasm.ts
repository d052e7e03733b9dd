/**
 * The wasm backend's number-games kernel (assembly/games.ts), four opponents
 * a v128: the host copies the points and opponents into shared memory as
 * they are (f32 coordinates, i32 column ids).
 */
import type { WasmKernel } from '../../core/index.ts';

export function numberGamesWasmKernel(dims: number, game: number): WasmKernel {
  return {
    name: 'f32x4',
    module: 'number-games',
    plan({ rows, cols, opponents, width }, arena) {
      const r = arena.putF32(rows.genes);
      const c = arena.putF32(cols.genes);
      const opp = arena.putI32(opponents);
      const out = arena.alloc(rows.size * width * 4);
      return { fn: 'playRows', args: [r, c, dims, game, opp, width, out], scratchBytes: 0, out };
    },
  };
}
