/**
 * The shared remedy contract, run over every listed remedy (as
 * test/populations/contract.test.ts is over every domain): its settings come
 * through the config file, its defaults change nothing, its example settings
 * change the run, its state survives a checkpoint exactly, and a stateless
 * remedy keeps no state.
 */
import { describe, expect, it } from 'vitest';
import { playGenerations } from '../../helpers/play.ts';
import { referenceEvaluator } from '../../../core/backends/evaluator.ts';
import { initialState, type CoevolutionState } from '../../../core/engine/state.ts';
import { step } from '../../../core/engine/step.ts';
import { REMEDIES } from '../../../core/remedies/index.ts';
import { parseCheckpoint, serializeCheckpoint } from '../../../core/run/checkpoint.ts';
import { parseConfigFile, resolveConfig, type ConfigFile } from '../../../core/run/config.ts';
import { DOMAINS } from '../../../populations/index.ts';

const SMALL: ConfigFile = { solvers: 10, challengers: 8, hallOfFame: { sample: 2 }, seed: 'remedy-contract' };

/** The first registered domain (at its test options) that accepts the settings. */
function setup(extra: ConfigFile) {
  for (const domain of DOMAINS) {
    try {
      return resolveConfig(domain, [{ source: 'test', config: { ...SMALL, options: domain.testOptions ?? {}, ...extra } }]);
    } catch {
      // this domain cannot honour the settings (e.g. no challenger difficulty); try the next
    }
  }
  throw new Error(`no registered domain accepts ${JSON.stringify(extra)}`);
}

describe('the remedy list', () => {
  it('has one remedy per key', () => {
    const keys = REMEDIES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const fields = REMEDIES.flatMap((r) => (r.checkpoint ? [r.checkpoint.field] : []));
    expect(new Set(fields).size).toBe(fields.length);
  });
});

describe.each(REMEDIES.map((r) => [r.key, r] as const))('%s', (key, remedy) => {
  const on = { [key]: remedy.example } as ConfigFile;

  it('takes its settings from a config file, and refuses an unknown field in them', () => {
    expect(() => parseConfigFile(on, 'test.json')).not.toThrow();
    expect(() => parseConfigFile({ [key]: 'not settings' }, 'test.json')).toThrow(new RegExp(`field "${key}`));
    if (typeof remedy.defaults === 'object' && remedy.defaults !== null) {
      expect(() => parseConfigFile({ [key]: { noSuchField: 1 } }, 'test.json')).toThrow(/unknown field "noSuchField"/);
    }
    const { config } = setup(on);
    expect((config as unknown as Record<string, unknown>)[key]).toEqual(remedy.example);
  });

  it('with its defaults changes nothing: no opponents, no hook, selection fitness unchanged', async () => {
    const { config, instance } = setup({});
    const state = remedy.init(remedy.defaults, instance);
    expect(remedy.check?.(remedy.defaults, instance) ?? null).toBeNull();
    const extra = remedy.opponents?.(state);
    expect([extra?.solvers.size ?? 0, extra?.challengers.size ?? 0]).toEqual([0, 0]);
    expect(remedy.challengerHook?.(state, instance)).toBeUndefined();
    const fitness = { solvers: Float64Array.of(0.25, 0.5), challengers: Float64Array.of(0.75) };
    if (remedy.selectionFitness) {
      const { report } = await step(initialState(instance, config), { domain: instance, config, evaluator: referenceEvaluator(instance) });
      const played = {
        domain: instance,
        generation: 0,
        games: report.games,
        solvers: initialState(instance, config).solvers,
        challengers: initialState(instance, config).challengers,
        engagement: { mean: 0.5, zeros: 0, ones: 0, solverWins: 0, challengerWins: 0, disengaged: false },
        offsets: { solvers: 0, challengers: 0 },
      };
      expect(remedy.selectionFitness(remedy.defaults, fitness, played)).toEqual(fitness);
    }
  });

  it('with its example settings changes the run', async () => {
    const active = setup(on);
    const plain = resolveConfig(DOMAINS.find((d) => d.name === active.config.domain)!, [
      { source: 'test', config: { ...SMALL, options: active.config.options } },
    ]);
    const a = await playGenerations(active.instance, active.config, initialState(active.instance, active.config), 6);
    const b = await playGenerations(plain.instance, plain.config, initialState(plain.instance, plain.config), 6);
    expect(a.metrics).not.toEqual(b.metrics);
  });

  it('keeps its state through a checkpoint: the continuation equals the uninterrupted run', async () => {
    const { config, instance } = setup(on);
    const straight = await playGenerations(instance, config, initialState(instance, config), 8);
    const half = await playGenerations(instance, config, initialState(instance, config), 4);
    const stored = parseCheckpoint(serializeCheckpoint({ config, state: half.state }), 'checkpoint.json');
    const restored: CoevolutionState = { ...stored.state, champions: half.state.champions };
    expect(restored.remedies[key]).toEqual(half.state.remedies[key]);
    if (!remedy.checkpoint) expect(half.state.remedies[key]).toBeNull();
    const rest = await playGenerations(instance, config, restored, 4);
    expect([...half.metrics, ...rest.metrics]).toEqual(straight.metrics);
  });

  it('refuses a damaged checkpoint entry with the file named', () => {
    if (!remedy.checkpoint) return;
    const ctx = { solverLength: 3, challengerLength: 2, file: 'ckpt.json' };
    expect(() => remedy.checkpoint!.fromJson('garbage', ctx)).toThrow(/ckpt\.json/);
  });
});
