/**
 * The plain-TS reference evaluator and the cross-check every backend is held
 * to. Pure (no gpu.js, no Node): the engine and the browser build import it
 * without the backends that need a GPU, files or threads.
 */
import type { DomainInstance } from '../domain/domain.ts';
import { createPopulation, genome, type Population } from '../basics/population.ts';
import { stream } from '../basics/rng.ts';
import { checkShapes } from './batch-shape.ts';
import type { Evaluator } from './evaluator-type.ts';

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

/** Random populations for cross-checking a kernel against the reference. */
export function randomPair(domain: DomainInstance, rows: number, cols: number, seed: string): [Population, Population] {
  const rng = stream(seed, 'random-pair');
  const s = createPopulation(rows, domain.solver.length);
  const c = createPopulation(cols, domain.challenger.length);
  for (let i = 0; i < rows; i++) domain.solver.random(rng, genome(s, i));
  for (let i = 0; i < cols; i++) domain.challenger.random(rng, genome(c, i));
  return [s, c];
}

/** The shape of one generation's main batch, used to calibrate `auto` (and the wasm pool's threads). */
export interface BatchShape {
  readonly rows: number;
  readonly cols: number;
  readonly width: number;
}

/** Random genomes in a batch of `shape`, each row meeting columns 0..width-1 (mod cols). */
export function calibrationBatch(domain: DomainInstance, shape: BatchShape) {
  const [rows, cols] = randomPair(domain, shape.rows, shape.cols, 'calibrate');
  const opponents = Int32Array.from({ length: shape.rows * shape.width }, (_, i) => (i % shape.width) % shape.cols);
  return { rows, cols, opponents, width: shape.width };
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
