/**
 * The analysis and the remedies inside real generations: checkpoints carry
 * their state so a continuation is exact; a domain whose challengers are too
 * hard disengages and is detected, and the adaptive difficulty schedule
 * keeps it engaged.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playGenerations } from '../../helpers/play.ts';
import { writeCheckpoint } from '../../../core/run/checkpoint.ts';
import { encodeRecord } from '../../../core/run/champions-log.ts';
import { ENGINE_DEFAULTS, resolveConfig, type RunConfig } from '../../../core/run/config.ts';
import type { DomainInstance } from '../../../core/domain/domain.ts';
import { stateOf } from '../../../core/remedies/index.ts';
import { paretoArchive } from '../../../core/remedies/pareto-archive.ts';
import { loadCheckpoint, runPaths } from '../../../core/run/run-dir.ts';
import { initialState } from '../../../core/engine/state.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { toyDomain } from '../../helpers/toy-domain.ts';

describe('checkpointed analysis and remedies', () => {
  it('a continuation from a checkpoint equals the uninterrupted run', async () => {
    const { config, instance } = resolveConfig(sortingNetworks, [
      {
        source: 'test',
        config: {
          options: { inputs: 6 },
          solvers: 12,
          challengers: 10,
          seed: 'ckpt',
          // A small roster thins during the run; sharing and the archive add state and change selection.
          ciaoSamples: 4,
          fitnessSharing: true,
          paretoArchive: { challengers: 3, solvers: 2 },
          hallOfFame: { sample: 2 },
        },
      },
    ]);
    const first = await playGenerations(instance, config, initialState(instance, config), 14);
    const archives = stateOf(first.state.remedies, paretoArchive);
    expect([archives.challengers.size, archives.solvers.size]).toEqual([3, 2]);
    expect(first.state.arms.roster.stride).toBeGreaterThan(1);

    const dir = await mkdtemp(join(tmpdir(), 'rq-arms-'));
    const paths = runPaths(dir);
    await writeCheckpoint(paths.checkpoint, { config, state: first.state });
    const h = first.state.champions;
    await writeFile(paths.champions, Buffer.concat(h.solvers.map((s, g) => encodeRecord(g, s, h.challengers[g]!))));
    const back = await loadCheckpoint(paths);
    expect(back.state).toEqual(first.state);

    const straight = await playGenerations(instance, config, first.state, 8);
    const resumed = await playGenerations(instance, config, back.state, 8);
    expect(JSON.stringify(resumed.metrics)).toBe(JSON.stringify(straight.metrics));
    expect(resumed.state).toEqual(straight.state);
  });
});

/**
 * Larger number wins; challengers start at 1000+ while solvers start below
 * 100 and move by 1 a generation: the solvers never win a game. The hook
 * puts a new challenger just below d x 200, so the schedule decides how hard
 * they are.
 */
function hardToy(): DomainInstance {
  const base = toyDomain();
  return {
    ...base,
    challenger: {
      ...base.challenger,
      random: (rng, out) => {
        out[0] = 1000 + rng.int(100);
      },
    },
    challengerDifficulty: {
      description: 'challenger value: d x 200 minus 0..9',
      apply: (c, d, rng) => {
        c[0] = Math.round(d * 200) - rng.int(10);
      },
    },
  };
}

function toyConfig(overrides: Partial<RunConfig>): RunConfig {
  return {
    ...ENGINE_DEFAULTS,
    domain: 'toy',
    options: {},
    solvers: 20,
    challengers: 20,
    generations: 40,
    probeEvery: 1,
    hallOfFame: { sample: 0 },
    ...overrides,
  } as RunConfig;
}

describe('disengagement and the difficulty schedule', () => {
  const domain = hardToy();

  it('challengers made too hard on purpose: disengagement is detected', async () => {
    const config = toyConfig({ seed: 'hard' });
    const { metrics } = await playGenerations(domain, config, initialState(domain, config), 30);
    expect(metrics.every((m) => m.engagement.zeros === 1)).toBe(true);
    const events = metrics.flatMap((m) => m.events);
    // Every game lost outright: disengaged after 5 generations, and lopsided (challengers win them all) after 10.
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'disengagement', phase: 'start', generation: 4, since: 0 });
    expect(events[1]).toMatchObject({ kind: 'lopsided', phase: 'start', generation: 9, since: 0, value: 1, side: 'challengers' });
    expect(metrics.every((m) => m.difficulty === null)).toBe(true);
  });

  it('the adaptive schedule keeps it engaged', async () => {
    const config = toyConfig({
      seed: 'hard',
      difficulty: { schedule: 'adaptive', start: 0.2, end: 1, generations: 1, target: 0.5, step: 0.2 },
    });
    const { metrics } = await playGenerations(domain, config, initialState(domain, config), 30);
    expect(metrics.flatMap((m) => m.events).filter((e) => e.kind === 'disengagement')).toEqual([]);
    const late = metrics.slice(10);
    const meanOutcome = late.reduce((a, m) => a + m.engagement.mean, 0) / late.length;
    expect(meanOutcome).toBeGreaterThan(0.2);
    expect(meanOutcome).toBeLessThan(0.8);
    // The difficulty moved: up while solvers won, down while they lost.
    const d = metrics.map((m) => m.difficulty as number);
    expect(Math.max(...d)).toBeGreaterThan(Math.min(...d));
  });

  it('a ramp from easy to hard disengages only once it gets hard', async () => {
    const config = toyConfig({ seed: 'ramp', difficulty: { schedule: 'ramp', start: 0, end: 1, generations: 30, target: 0.5, step: 0.1 } });
    const { metrics } = await playGenerations(domain, config, initialState(domain, config), 40);
    expect(metrics[0]!.difficulty).toBe(0);
    expect(metrics[39]!.difficulty).toBe(1);
    const start = metrics.flatMap((m) => m.events).find((e) => e.kind === 'disengagement' && e.phase === 'start');
    // Easy challengers (near 0) lose to every solver at first: that is disengagement too, the other way round.
    expect(metrics[0]!.engagement.ones).toBeGreaterThan(0.9);
    expect(start?.message).toMatch(/won outright by solvers/);
    // Once the ramp is done every new challenger sits near 200, far above the solvers: the challengers win outright.
    expect(metrics[39]!.engagement.zeros).toBeGreaterThan(0.9);
  });
});
