/**
 * The wasm backend's evaluator over a compiled kernel module and a way to
 * start threads: pure, so Node (evaluator.ts: the module from build/wasm, a
 * worker_threads pool) and a browser page (viewer/src/web/backends.ts: the
 * module fetched, Web Workers when the page is cross-origin isolated) share
 * the batch layout, the thread split and the calibration.
 */
import type { DomainInstance } from '../../domain/domain.ts';
import type { Population } from '../../basics/population.ts';
import type { Evaluator } from '../evaluator-type.ts';
import { BackendUnavailable } from '../backend-unavailable.ts';
import { checkShapes } from '../batch-shape.ts';
import { SharedArena } from './arena.ts';
import { ThreadPool, type SpawnThread } from './pool.ts';

export interface WasmOptions {
  /** Threads to use; default: calibrate (or every core when no calibration batch is given). */
  readonly threads?: number;
  /** A batch of the run's shape, for the one-thread-or-all calibration. */
  readonly calibrate?: CalibrationBatch;
}

export interface CalibrationBatch {
  readonly rows: Population;
  readonly cols: Population;
  readonly opponents: Int32Array;
  readonly width: number;
}

export interface WasmEvaluator extends Evaluator {
  readonly backend: 'wasm';
  /** Threads each batch runs on. */
  readonly threads: number;
  readonly detail: string;
}

export interface WasmHost {
  /** Threads this machine has (the default pool size). */
  readonly cores: number;
  readonly spawn: SpawnThread;
}

export async function pooledWasmEvaluator(
  domain: DomainInstance,
  module: WebAssembly.Module,
  host: WasmHost,
  options: WasmOptions = {},
): Promise<WasmEvaluator> {
  const kernel = domain.wasm;
  if (!kernel) throw new BackendUnavailable(`the ${domain.name} domain has no wasm kernel`);
  const arena = new SharedArena();
  const cores = Math.max(1, host.cores);
  // Every core by default; more threads only when asked (the tests check a pool on any machine).
  const wanted = Math.max(1, options.threads ?? cores);
  const pool = new ThreadPool(module, arena.memory, wanted - 1, host.spawn);
  const play = (rows: Population, cols: Population, opponents: Int32Array, width: number, threads: number): Float32Array => {
    arena.reset();
    const call = kernel.plan({ rows, cols, opponents, width }, arena);
    const scratch = call.scratchBytes > 0 ? arena.alloc(threads * call.scratchBytes) : 0;
    pool.run(call, rows.size, threads, scratch);
    return arena.f32(call.out, rows.size * width).slice();
  };
  let threads = pool.size;
  let detail = `${threads} thread${threads > 1 ? 's' : ''}${options.threads ? ' (as asked)' : ''}`;
  if (options.threads === undefined && options.calibrate && pool.size > 1) {
    const b = options.calibrate;
    const t0 = performance.now();
    play(b.rows, b.cols, b.opponents, b.width, pool.size); // warm up every instance
    // Best of 3 each; of 1 when a batch is heavy (a density run's takes a second: the best of 3 would add seconds to the start).
    const reps = performance.now() - t0 > 250 ? 1 : 3;
    const time = (n: number): number => {
      let best = Infinity;
      for (let k = 0; k < reps; k++) {
        const t = performance.now();
        play(b.rows, b.cols, b.opponents, b.width, n);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const one = time(1);
    const all = time(pool.size);
    threads = all < one ? pool.size : 1;
    detail =
      `${threads} thread${threads > 1 ? 's' : ''} (calibrated on a ${b.rows.size} x ${b.width} batch: ` +
      `1 thread ${one.toFixed(2)} ms, ${pool.size} threads ${all.toFixed(2)} ms)`;
  }
  return {
    backend: 'wasm',
    threads,
    detail: `${kernel.name} kernel, ${detail}`,
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      return play(rows, cols, opponents, width, threads);
    },
    destroy: () => pool.destroy(),
  };
}
