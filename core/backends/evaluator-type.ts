/**
 * What computes a generation's interaction batch: a gpu.js backend, the wasm
 * kernels, or the plain-TS reference (core/backends/evaluator.ts makes them).
 * Its own module so that an evaluator implementation need not import the
 * module that selects among them.
 */
import type { Population } from '../basics/population.ts';
import type { BackendName } from '../domain/backend-names.ts';

export interface Evaluator {
  /** webgl2: gpu.js in a browser page (viewer/src/web/webgl2.ts). */
  readonly backend: BackendName | 'reference' | 'nats' | 'webgl2';
  /** How the backend runs, for run.json ("2 threads (calibrated ...)"); optional. */
  readonly detail?: string;
  evaluate(rows: Population, cols: Population, opponents: Int32Array, width: number): Promise<Float32Array>;
  destroy(): Promise<void>;
}
