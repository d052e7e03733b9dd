/**
 * What one kernel call costs beyond its interactions: both populations
 * uploaded (copied into WebAssembly memory or GL textures, re-laid out where
 * the kernel asks), the kernel launched, the result read back. Measured as a
 * call with one opponent per row. A generation makes two calls (current and
 * Hall-of-Fame opponents); batching uploads (several calls, or several
 * generations of independent runs, in one) can save at most this much per
 * call merged away, which `overheadFraction` puts next to a full batch.
 */
import type { BackendName } from '../core/backend.ts';
import type { DomainInstance } from '../core/domain.ts';
import { kernelEvaluator, randomPair, roundRobinOpponents } from '../core/evaluator.ts';
import { caseKernel } from './interactions.ts';
import { spread, timeRuns, type Spread } from './stats.ts';

export interface CallOverheadRecord {
  readonly domain: string;
  readonly backend: string;
  readonly kernel: string;
  readonly population: number;
  /** Seconds per call with one opponent per row: upload, launch, read back. */
  readonly callSeconds: Spread;
  /** Seconds per call of the full round robin. */
  readonly batchSeconds: Spread;
  /** callSeconds / batchSeconds (medians): the most that merging one call into another could save. */
  readonly overheadFraction: number;
}

export async function measureCallOverhead(domain: DomainInstance, backend: BackendName, P: number, runs: number): Promise<CallOverheadRecord> {
  const [s, c] = randomPair(domain, P, P, `overhead-${P}`);
  const one = Int32Array.from({ length: P }, (_, r) => r % P);
  const all = roundRobinOpponents(P, P);
  const evaluator = await kernelEvaluator(domain, backend);
  try {
    const call = spread((await timeRuns(() => evaluator.evaluate(s, c, one, 1), runs)).times);
    const batch = spread((await timeRuns(() => evaluator.evaluate(s, c, all, P), runs)).times);
    return {
      domain: domain.name,
      backend,
      kernel: caseKernel(domain, backend, 'default').name ?? 'default',
      population: P,
      callSeconds: call,
      batchSeconds: batch,
      overheadFraction: call.median / batch.median,
    };
  } finally {
    await evaluator.destroy();
  }
}
