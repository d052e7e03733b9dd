/**
 * The search reaches the known optimum for small n on a fixed seed in a few
 * seconds (plain-TS reference evaluator): 12 comparators for 6 inputs, 19
 * for 8, by coevolution with grid selection and pruning, with and without
 * completion, and with the hypercube prefix for 8; with the climb, within
 * ten generations. A continuation from a checkpoint of such a run (with and
 * without the climb) equals the uninterrupted run.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigFile, type RunConfig } from '../../../core/run/config.ts';
import { referenceEvaluator } from '../../../core/backends/evaluator.ts';
import { initialState, type CoevolutionState } from '../../../core/engine/state.ts';
import { step } from '../../../core/engine/step.ts';
import type { DomainInstance } from '../../../core/domain/domain.ts';
import { writeCheckpoint } from '../../../core/run/checkpoint.ts';
import { encodeRecord } from '../../../core/run/champions-log.ts';
import { loadCheckpoint, runPaths } from '../../../core/run/run-dir.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { checkNetwork, parseNetwork } from '../../../populations/sorting-networks/network.ts';

const setup = (options: Record<string, unknown>, seed: string) =>
  resolveConfig(sortingNetworks, [
    {
      source: 'test',
      config: {
        options: { prune: true, ...options },
        solvers: 64,
        challengers: 16,
        seed,
        hallOfFame: { sample: 2 },
        selection: { scheme: 'grid', radius: 1 },
      } satisfies ConfigFile,
    },
  ]);

/** Play until the champion is a valid network of `target` comparators; the generation, or -1. */
async function search(domain: DomainInstance, config: RunConfig, target: number, limit: number) {
  const evaluator = referenceEvaluator(domain);
  let state = initialState(domain, config);
  for (let g = 0; g < limit; g++) {
    const { state: next, report } = await step(state, { domain, config, evaluator });
    const champion = state.solvers.genes.subarray(report.champions.solver * state.solvers.length, (report.champions.solver + 1) * state.solvers.length);
    state = next;
    const details = report.probe!.details as { valid: boolean; comparators: number };
    if (details.valid && details.comparators <= target) {
      // Checked again, independently of the probe: the whole network on all 2^n inputs.
      const report = checkNetwork(parseNetwork(domain.solver.encode(champion), 'champion'));
      return { generation: g, report };
    }
  }
  return { generation: -1, report: null };
}

describe('small n reaches the optimum', () => {
  it.each([
    ['6 inputs, coevolution and pruning: 12 comparators', { inputs: 6 }, 12],
    ['6 inputs, with completion: 12 comparators', { inputs: 6, complete: true }, 12],
    ['8 inputs, hypercube prefix, coevolution and pruning: 19 comparators', { inputs: 8, prefix: 'hypercube' }, 19],
    ['8 inputs, hypercube prefix, with completion: 19 comparators', { inputs: 8, prefix: 'hypercube', complete: true }, 19],
  ])('%s', async (_name, options, optimum) => {
    const { config, instance } = setup(options, '1');
    const found = await search(instance, config, optimum, 400);
    expect(found.generation).toBeGreaterThanOrEqual(0);
    expect(found.report).toMatchObject({ valid: true, comparators: optimum });
  });

  it.each([
    ['6 inputs, completion and the climb: 12 comparators', { inputs: 6, complete: true, climbSteps: 200 }, 12],
    ['8 inputs, first hypercube layer, completion and the climb: 19 comparators', { inputs: 8, prefix: 'hypercube', prefixLayers: 1, complete: true, climbSteps: 200 }, 19],
  ])('%s, within 10 generations', async (_name, options, optimum) => {
    const { config, instance } = setup(options, '1');
    const found = await search(instance, config, optimum, 10);
    expect(found.generation).toBeGreaterThanOrEqual(0);
    expect(found.report).toMatchObject({ valid: true, comparators: optimum });
  });
});

describe('a prefixed, pruned, completed grid run resumes exactly', () => {
  it.each([
    ['completion', {}],
    ['completion and the climb', { climbSteps: 100, climbMoves: 3, climbEscape: 20 }],
  ])('with %s: a continuation from a checkpoint equals the uninterrupted run', async (_name, extra) => {
    const { config, instance } = setup({ inputs: 8, prefix: 'hypercube', complete: true, tieBreak: 'size-depth', ...extra }, 'resume');
    const evaluator = referenceEvaluator(instance);
    const play = async (state: CoevolutionState, n: number) => {
      const metrics: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = await step(state, { domain: instance, config, evaluator });
        state = r.state;
        metrics.push(JSON.stringify(r.report.metrics));
      }
      return { state, metrics };
    };
    const first = await play(initialState(instance, config), 6);
    const dir = await mkdtemp(join(tmpdir(), 'rq-hillis-'));
    const paths = runPaths(dir);
    await writeCheckpoint(paths.checkpoint, { config, state: first.state });
    const h = first.state.champions;
    await writeFile(paths.champions, Buffer.concat(h.solvers.map((s, g) => encodeRecord(g, s, h.challengers[g]!))));
    const back = await loadCheckpoint(paths);
    // The stored config resolves to the same run.
    const again = resolveConfig(sortingNetworks, [{ source: 'checkpoint', config: back.config as ConfigFile }]);
    expect(again.config).toEqual(config);
    const straight = await play(first.state, 6);
    const resumed = await play(back.state, 6);
    expect(resumed.metrics).toEqual(straight.metrics);
    expect(resumed.state).toEqual(straight.state);
  });
});
