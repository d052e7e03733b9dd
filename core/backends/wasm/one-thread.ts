/**
 * The wasm backend on one thread, from a module the caller compiled: what a
 * browser page runs (it fetches build/wasm/<module>.wasm itself, and has no
 * worker_threads). The same kernel, plan and arena as evaluator.ts, the rows
 * played in order on this thread, so the outcomes are the multi-threaded
 * backend's, bit for bit (rows are independent). Pure: no Node module. No
 * pool either: a page that is not cross-origin isolated has no SharedArrayBuffer
 * for the pool's job record (its shared WebAssembly.Memory it does get).
 */
import type { DomainInstance } from '../../domain/domain.ts';
import type { Evaluator } from '../evaluator-type.ts';
import { BackendUnavailable } from '../backend-unavailable.ts';
import { checkShapes } from '../batch-shape.ts';
import { SharedArena } from './arena.ts';

export interface OneThreadWasmEvaluator extends Evaluator {
  readonly backend: 'wasm';
  readonly threads: 1;
  readonly detail: string;
}

export function oneThreadWasmEvaluator(domain: DomainInstance, module: WebAssembly.Module): OneThreadWasmEvaluator {
  const kernel = domain.wasm;
  if (!kernel) throw new BackendUnavailable(`the ${domain.name} domain has no wasm kernel`);
  let arena: SharedArena;
  let exports: WebAssembly.Exports;
  try {
    arena = new SharedArena();
    exports = new WebAssembly.Instance(module, { env: { memory: arena.memory } }).exports;
  } catch (e) {
    throw new BackendUnavailable(`the ${kernel.module} kernel does not start here (needs WebAssembly SIMD and shared memory): ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    backend: 'wasm',
    threads: 1,
    detail: `${kernel.name} kernel, 1 thread`,
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      arena.reset();
      const call = kernel.plan({ rows, cols, opponents, width }, arena);
      const fn = exports[call.fn] as ((...args: number[]) => void) | undefined;
      if (!fn) throw new Error(`the wasm module exports no function ${call.fn}`);
      const scratch = call.scratchBytes > 0 ? [arena.alloc(call.scratchBytes)] : [];
      fn(0, rows.size, ...call.args.map((a) => a | 0), ...scratch);
      return arena.f32(call.out, rows.size * width).slice();
    },
    async destroy() {},
  };
}
