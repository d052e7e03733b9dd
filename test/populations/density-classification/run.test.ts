/**
 * A short density-classification run in process: the same seed and config
 * give identical metrics and populations, the kernel and the reference give
 * the same run, and another seed gives another run.
 */
import { describe, expect, it } from 'vitest';
import { densityClassification } from '../../../populations/density-classification/index.ts';
import { resolveConfig } from '../../../core/run/config.ts';
import { initialState } from '../../../core/engine/state.ts';
import { step } from '../../../core/engine/step.ts';
import { kernelEvaluator, referenceEvaluator, type Evaluator } from '../../../core/backends/evaluator.ts';
import { workingBackends } from '../../helpers/backends.ts';

const backends = await workingBackends();
const backend = backends.includes('webasm') ? 'webasm' : 'cpu';

async function play(seed: string, evaluator: Evaluator): Promise<{ metrics: string[]; solvers: number[]; challengers: number[] }> {
  const { config, instance } = resolveConfig(densityClassification, [
    { source: 'test', config: { seed, options: { size: 49, steps: 60 }, solvers: 16, challengers: 16, hallOfFame: { sample: 2 }, probeEvery: 3 } },
  ]);
  let state = initialState(instance, config);
  const metrics: string[] = [];
  for (let g = 0; g < 8; g++) {
    const r = await step(state, { domain: instance, config, evaluator });
    metrics.push(JSON.stringify(r.report.metrics));
    state = r.state;
  }
  return { metrics, solvers: Array.from(state.solvers.genes), challengers: Array.from(state.challengers.genes) };
}

describe('density classification: a short run', () => {
  it(`is determined by seed and config (${backend} and the reference agree)`, async () => {
    const instance = densityClassification.create(densityClassification.options.parse({ size: 49, steps: 60 }));
    const evaluator = await kernelEvaluator(instance, backend);
    try {
      const a = await play('s1', evaluator);
      const b = await play('s1', evaluator);
      const other = await play('s2', evaluator);
      expect(b).toEqual(a);
      expect(await play('s1', referenceEvaluator(instance))).toEqual(a);
      expect(other.metrics).not.toEqual(a.metrics);
      // The probe ran (generations 0, 3, 6) and the matrix was neither all 0 nor all 1.
      const parsed = a.metrics.map((m) => JSON.parse(m) as { probe: { score: number } | null; engagement: { disengaged: boolean } });
      expect(parsed.filter((m) => m.probe !== null)).toHaveLength(3);
      expect(parsed.some((m) => !m.engagement.disengaged)).toBe(true);
    } finally {
      await evaluator.destroy();
    }
  });
});
