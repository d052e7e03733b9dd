/**
 * The `wasm` backend in Node: a domain's AssemblyScript kernel
 * (DomainInstance.wasm) from build/wasm, on every core through a
 * worker_threads pool. One shared memory, one thread pool for the evaluator's
 * life; each batch is laid out once by the domain's plan and its rows split
 * over the threads. Whether the threads pay is decided by calibration when
 * the evaluator opens, on a batch of the run's own shape (as `auto` decides
 * backends): one thread and all threads are each timed, and the faster kept
 * and recorded (`detail`, written to run.json). pooled-evaluator.ts does it all
 * but find the module and start the threads.
 */
import { availableParallelism } from 'node:os';
import type { DomainInstance } from '../../domain/domain.ts';
import { BackendUnavailable } from '../backend-unavailable.ts';
import { loadModule } from './loader.ts';
import { spawnNodeThread } from './node-thread.ts';
import { pooledWasmEvaluator, type WasmEvaluator, type WasmOptions } from './pooled-evaluator.ts';

export type { CalibrationBatch, WasmEvaluator, WasmOptions } from './pooled-evaluator.ts';

export async function wasmEvaluator(domain: DomainInstance, options: WasmOptions = {}): Promise<WasmEvaluator> {
  const kernel = domain.wasm;
  if (!kernel) throw new BackendUnavailable(`the ${domain.name} domain has no wasm kernel`);
  return pooledWasmEvaluator(domain, loadModule(kernel.module), { cores: availableParallelism(), spawn: spawnNodeThread }, options);
}
