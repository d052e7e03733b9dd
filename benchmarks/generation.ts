/**
 * Time per generation of the whole engine, split into evaluation, metrics and
 * variation (from the step's own timings), over a few generations of a run
 * with both populations of the given size.
 */
import { resolveConfig } from '../core/config.ts';
import type { Domain } from '../core/domain.ts';
import { kernelEvaluator } from '../core/evaluator.ts';
import type { BackendName } from '../core/backend.ts';
import { initialState } from '../core/state.ts';
import { step } from '../core/step.ts';
import { spread } from './stats.ts';

export interface GenerationRecord {
  readonly domain: string;
  readonly backend: string;
  readonly population: number;
  readonly generations: number;
  /** Median seconds per generation for each part. */
  readonly evaluation: number;
  readonly metrics: number;
  readonly variation: number;
  readonly total: number;
}

export async function measureGeneration(
  domain: Domain,
  options: Record<string, unknown>,
  backend: BackendName,
  population: number,
  generations: number,
): Promise<GenerationRecord> {
  const { config, instance } = resolveConfig(domain, [
    { source: 'bench', config: { options, solvers: population, challengers: population, seed: 'bench' } },
  ]);
  const evaluator = await kernelEvaluator(instance, backend);
  const parts = { evaluation: [] as number[], metrics: [] as number[], variation: [] as number[] };
  try {
    let state = initialState(instance, config);
    // Untimed generations until the Hall of Fame sample is full: until then
    // each generation brings a new batch shape, and so a kernel compile.
    for (let g = 0; g <= config.hallOfFame.sample; g++) state = (await step(state, { domain: instance, config, evaluator })).state;
    for (let g = 0; g < generations; g++) {
      const { state: next, report } = await step(state, { domain: instance, config, evaluator });
      state = next;
      parts.evaluation.push(report.timings.evaluation / 1000);
      parts.metrics.push(report.timings.metrics / 1000);
      parts.variation.push(report.timings.variation / 1000);
    }
  } finally {
    await evaluator.destroy();
  }
  const evaluation = spread(parts.evaluation).median;
  const metrics = spread(parts.metrics).median;
  const variation = spread(parts.variation).median;
  return {
    domain: domain.name,
    backend,
    population,
    generations,
    evaluation,
    metrics,
    variation,
    total: evaluation + metrics + variation,
  };
}
