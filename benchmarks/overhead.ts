/**
 * What one kernel call costs beyond its interactions: both populations
 * uploaded (copied into WebAssembly memory or GL textures, re-laid out where
 * the kernel asks), the kernel launched, the result read back. Measured as a
 * call with one opponent per row. Batching uploads (several calls, or several
 * generations of independent runs, in one) can save at most this much per
 * call merged away, which `overheadFraction` puts next to a full batch; a
 * generation's current and Hall-of-Fame games are one such merged call now.
 */
import type { BackendName } from '../core/domain/backend-names.ts';
import type { DomainInstance } from '../core/domain/domain.ts';
import { kernelEvaluator, randomPair, roundRobinOpponents } from '../core/backends/evaluator.ts';
import { stack } from '../core/engine/interactions.ts';
import { caseKernelName } from './interactions.ts';
import { seconds, spread, timeRuns, type Spread } from './stats.ts';

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
  /**
   * A generation's games as two calls (P + 4 rows against the current
   * challengers, P rows against 4 past ones), as they were played before, and
   * as the one merged call core/engine/interactions.ts makes now; seconds, alternating.
   */
  readonly twoCallsSeconds: Spread;
  readonly mergedCallSeconds: Spread;
  readonly mergeSpeedup: number;
}

/** Past champions per side in the comparison: the default Hall of Fame sample. */
const PAST = 4;

export async function measureCallOverhead(domain: DomainInstance, backend: BackendName, P: number, runs: number): Promise<CallOverheadRecord> {
  const [s, c] = randomPair(domain, P, P, `overhead-${P}`);
  const one = Int32Array.from({ length: P }, (_, r) => r % P);
  const all = roundRobinOpponents(P, P);
  const evaluator = await kernelEvaluator(domain, backend);
  try {
    const call = spread((await timeRuns(() => evaluator.evaluate(s, c, one, 1), runs)).times);
    const batch = spread((await timeRuns(() => evaluator.evaluate(s, c, all, P), runs)).times);
    const [ps, pc] = randomPair(domain, PAST, PAST, `overhead-past-${P}`);
    const rows = stack(s, ps);
    const two = async () => {
      await evaluator.evaluate(rows, c, roundRobinOpponents(P + PAST, P), P);
      await evaluator.evaluate(s, pc, roundRobinOpponents(P, PAST), PAST);
    };
    const cols = stack(c, pc);
    const merged = () => evaluator.evaluate(rows, cols, roundRobinOpponents(P + PAST, P + PAST), P + PAST);
    await two();
    await merged();
    const twoTimes: number[] = [];
    const mergedTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      twoTimes.push(await seconds(two));
      mergedTimes.push(await seconds(merged));
    }
    const twoCalls = spread(twoTimes);
    const mergedCall = spread(mergedTimes);
    return {
      domain: domain.name,
      backend,
      kernel: caseKernelName(domain, backend, 'default'),
      population: P,
      callSeconds: call,
      batchSeconds: batch,
      overheadFraction: call.median / batch.median,
      twoCallsSeconds: twoCalls,
      mergedCallSeconds: mergedCall,
      mergeSpeedup: twoCalls.median / mergedCall.median,
    };
  } finally {
    await evaluator.destroy();
  }
}
