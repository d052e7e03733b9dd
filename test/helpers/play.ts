/** Play n generations in-process on the reference evaluator: the metrics of each and the state after. */
import { referenceEvaluator } from '../../core/backends/evaluator.ts';
import type { DomainInstance } from '../../core/domain/domain.ts';
import type { GenerationMetrics } from '../../core/engine/metrics.ts';
import type { EngineSettings } from '../../core/engine/settings.ts';
import type { CoevolutionState } from '../../core/engine/state.ts';
import { step } from '../../core/engine/step.ts';

export async function playGenerations(domain: DomainInstance, config: EngineSettings, state: CoevolutionState, n: number) {
  const evaluator = referenceEvaluator(domain);
  const metrics: GenerationMetrics[] = [];
  for (let i = 0; i < n; i++) {
    const r = await step(state, { domain, config, evaluator });
    state = r.state;
    metrics.push(r.report.metrics);
  }
  return { state, metrics };
}
