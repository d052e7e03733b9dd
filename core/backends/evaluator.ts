/**
 * The evaluator turns a domain's interaction kernel into a batch function over
 * populations, on one gpu.js backend; the reference evaluator runs the plain-TS
 * reference over the same layout. Both return raw outcomes, row-major
 * rows.size x width, of rows[r] against cols[opponents[r * width + t]].
 */
import { gpuEvaluator } from './gpu-evaluator.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { BACKENDS, type BackendChoice, type BackendName } from '../domain/backend-names.ts';
import { BackendUnavailable, firstLine, openBackend } from './backend.ts';
import { UserError } from '../basics/errors.ts';
import { wasmEvaluator } from './wasm/evaluator.ts';
import type { Evaluator } from './evaluator-type.ts';

export type { Evaluator } from './evaluator-type.ts';
export { calibrationBatch, crossCheck, randomPair, referenceEvaluator, roundRobinOpponents, type BatchShape } from './reference.ts';
import { calibrationBatch, crossCheck, type BatchShape } from './reference.ts';

export interface KernelOptions {
  /**
   * gpu.js's async contract: lets webasm split a batch across a worker pool
   * (one thread per core) and keeps GL/WebGPU readback off the main thread.
   * Off only to measure what the threads buy (benchmarks/).
   */
  readonly asyncMode?: boolean;
  /** wasm: threads to use (default: calibrate on `shape`, else every core). */
  readonly threads?: number;
  /** The run's main batch shape: wasm calibrates one thread against all on it. */
  readonly shape?: BatchShape;
}

export async function kernelEvaluator(chosen: DomainInstance, backend: BackendName, options: KernelOptions = {}): Promise<Evaluator> {
  if (backend === 'wasm') {
    const { shape, threads } = options;
    const calibrate = shape ? calibrationBatch(chosen, shape) : undefined;
    return wasmEvaluator(chosen, { ...(threads ? { threads } : {}), ...(calibrate ? { calibrate } : {}) });
  }
  return gpuEvaluator(chosen, await openBackend(backend), backend, backend, options.asyncMode ?? true);
}

export interface BackendAttempt {
  readonly backend: BackendName;
  readonly ok: boolean;
  readonly reason?: string;
  /** Seconds for one calibration batch (auto only). */
  readonly seconds?: number;
  /** How it ran (Evaluator.detail). */
  readonly detail?: string;
}

export interface SelectedEvaluator {
  readonly evaluator: Evaluator;
  readonly attempts: readonly BackendAttempt[];
  /** Where to go if this backend fails mid-run: the other working backends, fastest first. */
  readonly fallbacks: readonly BackendName[];
}

async function timeBatch(evaluator: Evaluator, domain: DomainInstance, shape: BatchShape): Promise<number> {
  const { rows: s, cols: c, opponents: opp } = calibrationBatch(domain, shape);
  await evaluator.evaluate(s, c, opp, shape.width); // compiles and warms up
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    await evaluator.evaluate(s, c, opp, shape.width);
    best = Math.min(best, performance.now() - t);
  }
  return best / 1000;
}

/**
 * Open the chosen backend, or for `auto` every backend that starts and agrees
 * with the reference on a smoke test, timed on a batch of the run's own shape:
 * the fastest is kept. (A GL backend is not always the fastest: on a machine
 * without a GPU, headless-gl renders in software.) Every backend computes the
 * same outcomes, so the choice changes speed, never results. An explicit
 * backend that cannot run is the user's error (exit 2) with the reason and the fix.
 */
export async function selectEvaluator(
  domain: DomainInstance,
  choice: BackendChoice,
  shape: BatchShape = { rows: 32, cols: 32, width: 32 },
): Promise<SelectedEvaluator> {
  const candidates: readonly BackendName[] = choice === 'auto' ? BACKENDS : [choice];
  const attempts: BackendAttempt[] = [];
  let best: { evaluator: Evaluator; seconds: number } | undefined;
  for (const backend of candidates) {
    let evaluator: Evaluator | undefined;
    try {
      evaluator = await kernelEvaluator(domain, backend, { shape });
      const mismatch = await crossCheck(domain, evaluator, { rows: 4, cols: 5, seed: 'smoke' });
      if (mismatch) throw new BackendUnavailable(`disagrees with the reference: ${mismatch}`);
      if (choice !== 'auto') {
        attempts.push({ backend, ok: true, ...(evaluator.detail ? { detail: evaluator.detail } : {}) });
        return { evaluator, attempts, fallbacks: BACKENDS.slice(BACKENDS.indexOf(backend) + 1) };
      }
      const seconds = await timeBatch(evaluator, domain, shape);
      attempts.push({ backend, ok: true, seconds, ...(evaluator.detail ? { detail: evaluator.detail } : {}) });
      if (!best || seconds < best.seconds) {
        await best?.evaluator.destroy();
        best = { evaluator, seconds };
      } else {
        await evaluator.destroy();
      }
    } catch (e) {
      await evaluator?.destroy();
      attempts.push({ backend, ok: false, reason: firstLine(e) });
    }
  }
  if (best) {
    const chosen = best.evaluator.backend;
    const fallbacks = attempts
      .filter((a) => a.ok && a.backend !== chosen)
      .sort((a, b) => a.seconds! - b.seconds!)
      .map((a) => a.backend);
    return { evaluator: best.evaluator, attempts, fallbacks };
  }
  const reasons = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
  if (choice === 'auto') throw new Error(`no backend works here (${reasons})`);
  throw new UserError(`--backend ${choice} cannot run here (${reasons}); use --backend auto`);
}
