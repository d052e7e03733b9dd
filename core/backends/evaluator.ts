/**
 * The evaluator turns a domain's interaction kernel into a batch function over
 * populations, on one gpu.js backend; the reference evaluator runs the plain-TS
 * reference over the same layout. Both return raw outcomes, row-major
 * rows.size x width, of rows[r] against cols[opponents[r * width + t]].
 */
import type { GpuInstance } from '../domain/gpujs.ts';
import { kernelRunner } from './kernel-runner.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { CustomInteraction } from '../domain/kernel-types.ts';
import { createPopulation, genome, remap, type Population } from '../basics/population.ts';
import { BACKENDS, type BackendChoice, type BackendName } from '../domain/backend-names.ts';
import { BackendUnavailable, firstLine, openBackend } from './backend.ts';
import { stream } from '../basics/rng.ts';
import { UserError } from '../basics/errors.ts';

export interface Evaluator {
  readonly backend: BackendName | 'reference' | 'nats';
  evaluate(rows: Population, cols: Population, opponents: Int32Array, width: number): Promise<Float32Array>;
  destroy(): Promise<void>;
}

export function referenceEvaluator(domain: DomainInstance): Evaluator {
  return {
    backend: 'reference',
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      const out = new Float32Array(rows.size * width);
      for (let r = 0; r < rows.size; r++) {
        const s = genome(rows, r);
        for (let t = 0; t < width; t++) {
          out[r * width + t] = domain.reference(s, genome(cols, opponents[r * width + t]!));
        }
      }
      return out;
    },
    async destroy() {},
  };
}

export interface KernelOptions {
  /**
   * gpu.js's async contract: lets webasm split a batch across a worker pool
   * (one thread per core) and keeps GL/WebGPU readback off the main thread.
   * Off only to measure what the threads buy (benchmarks/).
   */
  readonly asyncMode?: boolean;
}

export async function kernelEvaluator(chosen: DomainInstance, backend: BackendName, options: KernelOptions = {}): Promise<Evaluator> {
  const override = chosen.kernel.perBackend?.[backend];
  const domain = override ? { ...chosen, kernel: override } : chosen;
  const gpu = await openBackend(backend);
  try {
    const custom = domain.kernel.build ? await domain.kernel.build(gpu, backend) : null;
    return custom ? customEvaluator(gpu, custom, backend) : singleKernelEvaluator(gpu, domain, backend, options.asyncMode ?? true);
  } catch (e) {
    await gpu.destroy();
    throw e instanceof BackendUnavailable ? e : new BackendUnavailable(firstLine(e));
  }
}

function customEvaluator(gpu: GpuInstance, custom: CustomInteraction, backend: BackendName): Evaluator {
  return {
    backend,
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      return custom.run(rows, cols, opponents, width);
    },
    async destroy() {
      await custom.destroy();
      await gpu.destroy();
    },
  };
}

function singleKernelEvaluator(gpu: GpuInstance, domain: DomainInstance, backend: BackendName, asyncMode: boolean): Evaluator {
  const { source, constants, loopMaxIterations, columns: layout } = domain.kernel;
  const runner = kernelRunner(gpu, source, { constants, loopMaxIterations, asyncMode });
  return {
    backend,
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      const uploaded = layout ? remap(cols, layout.length, (g, out) => layout.write(g, out)) : cols;
      return runner.run(rows, uploaded, opponents, width);
    },
    async destroy() {
      runner.destroy();
      await gpu.destroy();
    },
  };
}

function checkShapes(rows: Population, cols: Population, opponents: Int32Array, width: number): void {
  if (opponents.length !== rows.size * width) {
    throw new Error(`opponents has ${opponents.length} entries, expected ${rows.size} x ${width}`);
  }
  for (const c of opponents) {
    if (c < 0 || c >= cols.size) throw new Error(`opponent index ${c} out of range 0..${cols.size - 1}`);
  }
}

/** Random populations for cross-checking a kernel against the reference. */
export function randomPair(domain: DomainInstance, rows: number, cols: number, seed: string): [Population, Population] {
  const rng = stream(seed, 'random-pair');
  const s = createPopulation(rows, domain.solver.length);
  const c = createPopulation(cols, domain.challenger.length);
  for (let i = 0; i < rows; i++) domain.solver.random(rng, genome(s, i));
  for (let i = 0; i < cols; i++) domain.challenger.random(rng, genome(c, i));
  return [s, c];
}

export function roundRobinOpponents(rows: number, cols: number): Int32Array {
  const opp = new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) opp[r * cols + c] = c;
  return opp;
}

/**
 * Compare an evaluator with the reference on random genomes, full round robin.
 * Returns null when every raw outcome is identical, else a description of the
 * first difference.
 */
export async function crossCheck(
  domain: DomainInstance,
  evaluator: Evaluator,
  opts: { rows: number; cols: number; seed: string },
): Promise<string | null> {
  const [s, c] = randomPair(domain, opts.rows, opts.cols, opts.seed);
  const opp = roundRobinOpponents(opts.rows, opts.cols);
  const got = await evaluator.evaluate(s, c, opp, opts.cols);
  const want = await referenceEvaluator(domain).evaluate(s, c, opp, opts.cols);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) {
      const r = Math.floor(i / opts.cols);
      return `solver ${r} vs challenger ${i % opts.cols}: ${evaluator.backend} gave ${got[i]}, reference ${want[i]}`;
    }
  }
  return null;
}

export interface BackendAttempt {
  readonly backend: BackendName;
  readonly ok: boolean;
  readonly reason?: string;
  /** Seconds for one calibration batch (auto only). */
  readonly seconds?: number;
}

export interface SelectedEvaluator {
  readonly evaluator: Evaluator;
  readonly attempts: readonly BackendAttempt[];
  /** Where to go if this backend fails mid-run: the other working backends, fastest first. */
  readonly fallbacks: readonly BackendName[];
}

/** The shape of one generation's main batch, used to calibrate `auto`. */
export interface BatchShape {
  readonly rows: number;
  readonly cols: number;
  readonly width: number;
}

async function timeBatch(evaluator: Evaluator, domain: DomainInstance, shape: BatchShape): Promise<number> {
  const [s, c] = randomPair(domain, shape.rows, shape.cols, 'calibrate');
  const opp = Int32Array.from({ length: shape.rows * shape.width }, (_, i) => (i % shape.width) % shape.cols);
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
      evaluator = await kernelEvaluator(domain, backend);
      const mismatch = await crossCheck(domain, evaluator, { rows: 4, cols: 5, seed: 'smoke' });
      if (mismatch) throw new BackendUnavailable(`disagrees with the reference: ${mismatch}`);
      if (choice !== 'auto') {
        attempts.push({ backend, ok: true });
        return { evaluator, attempts, fallbacks: BACKENDS.slice(BACKENDS.indexOf(backend) + 1) };
      }
      const seconds = await timeBatch(evaluator, domain, shape);
      attempts.push({ backend, ok: true, seconds });
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
