/**
 * Backend failover: a backend that dies mid-run hands the batch to the next
 * one, and a whole run that loses its backend produces exactly the metrics of
 * a run that never did.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../core/run/config.ts';
import { kernelEvaluator, randomPair, referenceEvaluator, roundRobinOpponents, type Evaluator } from '../../../core/backends/evaluator.ts';
import { withFallback, type BackendSwitch } from '../../../core/backends/fallback.ts';
import { runJob } from '../../../core/run/loop.ts';
import { initialState } from '../../../core/engine/state.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';

const { config, instance } = resolveConfig(sortingNetworks, [
  { source: 'test', config: { options: { inputs: 6 }, solvers: 16, challengers: 12, generations: 12 } },
]);

/** A backend that works for `calls` batches, then loses its context for good. */
function dying(inner: Evaluator, calls: number): Evaluator {
  let n = 0;
  return {
    backend: inner.backend,
    async evaluate(...args) {
      if (++n > calls) throw new Error('CONTEXT_LOST_WEBGL: the context was lost');
      return inner.evaluate(...args);
    },
    destroy: () => inner.destroy(),
  };
}

describe('withFallback', () => {
  it('replays a failed batch on the next backend and reports the switch', async () => {
    const switches: BackendSwitch[] = [];
    const ev = withFallback(instance, dying(await kernelEvaluator(instance, 'cpu'), 1), ['webasm'], (s) => switches.push(s));
    const [s, c] = randomPair(instance, 8, 6, 'fb');
    const opp = roundRobinOpponents(8, 6);
    const want = await referenceEvaluator(instance).evaluate(s, c, opp, 6);
    expect(await ev.evaluate(s, c, opp, 6)).toEqual(want);
    expect(await ev.evaluate(s, c, opp, 6)).toEqual(want);
    expect(switches).toEqual([{ from: 'cpu', to: 'webasm', reason: 'CONTEXT_LOST_WEBGL: the context was lost' }]);
    expect(ev.backend).toBe('webasm');
    await ev.destroy();
  });

  it('skips backends that fail to open and ends on the reference', async () => {
    const switches: BackendSwitch[] = [];
    const broken = async (): Promise<Evaluator> => {
      throw new Error('cannot open');
    };
    const ev = withFallback(instance, dying(await kernelEvaluator(instance, 'cpu'), 0), ['headlessgl', 'webasm'], (s) => switches.push(s), broken);
    const [s, c] = randomPair(instance, 5, 5, 'ref');
    const opp = roundRobinOpponents(5, 5);
    expect(await ev.evaluate(s, c, opp, 5)).toEqual(await referenceEvaluator(instance).evaluate(s, c, opp, 5));
    expect(switches.map((x) => x.to)).toEqual(['reference']);
  });

  it('a run whose backend dies mid-way writes the same metrics as one that never failed', async () => {
    const play = async (evaluator: Evaluator) => {
      const dir = await mkdtemp(join(tmpdir(), 'rq-fb-'));
      await runJob({ dir, config, domain: instance, evaluator, state: initialState(instance, config), until: 12 });
      await evaluator.destroy();
      return readFile(join(dir, 'metrics.jsonl'), 'utf8');
    };
    const steady = await play(await kernelEvaluator(instance, 'webasm'));
    const switches: BackendSwitch[] = [];
    // Two batches per generation (current + Hall of Fame opponents): dies in generation 3.
    const failing = withFallback(instance, dying(await kernelEvaluator(instance, 'webasm'), 5), ['cpu'], (s) => switches.push(s));
    expect(await play(failing)).toBe(steady);
    expect(switches).toHaveLength(1);
  });
});
