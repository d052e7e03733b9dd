/**
 * Fuzzing every parser of user input with thousands of random and mutated
 * inputs (fast-check, fixed seeds so a failure replays): each input is either
 * accepted or refused with a UserError, never a crash, and quickly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint, serializeCheckpoint } from '../../core/run/checkpoint.ts';
import { parseConfigFile, resolveConfig } from '../../core/run/config.ts';
import { isUserError } from '../../core/basics/errors.ts';
import { decodeRecords, encodeRecord } from '../../core/run/champions-log.ts';
import { initialState } from '../../core/engine/state.ts';
import { prepareRun, type RunFlags } from '../../core/cli/run-command.ts';
import { parseNetwork } from '../../populations/sorting-networks/network.ts';
import { sortingNetworks } from '../../populations/sorting-networks/index.ts';
import { DOMAINS } from '../../populations/index.ts';

const RUNS = 2000;

/** Call `parse`; it may return or throw a UserError, nothing else, within `ms`. */
async function acceptsOrRefuses(parse: () => unknown, ms = 250): Promise<void> {
  const start = performance.now();
  try {
    await parse();
  } catch (e) {
    if (!isUserError(e)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toContain('\n');
  }
  expect(performance.now() - start).toBeLessThan(ms);
}

/** Random edits of a valid JSON value: drop, retype, or push fields out of range. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const edit = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    paths.push(path);
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(valid, []);
  return fc.array(fc.tuple(fc.constantFrom(...paths), edit), { minLength: 1, maxLength: 4 }).map((edits) => {
    let root: unknown = structuredClone(valid);
    for (const [path, value] of edits) {
      if (path.length === 0) {
        root = value;
        continue;
      }
      let node = root as Record<string, unknown> | null;
      for (const k of path.slice(0, -1)) node = node && typeof node === 'object' ? (node[k] as Record<string, unknown>) : null;
      if (node && typeof node === 'object') node[path.at(-1)!] = value;
    }
    return root;
  });
}

const validConfig = {
  domain: 'sorting-networks',
  options: { inputs: 8, vectors: 16 },
  seed: 3,
  generations: 10,
  solvers: 16,
  challengers: 16,
  backend: 'cpu',
  evaluation: { mode: 'sampled', opponents: 4 },
  hallOfFame: { sample: 2 },
  selection: { tournamentSize: 3, elitism: 1 },
  variation: { crossoverRate: 0.5, mutationRate: 0.9 },
};

describe('fuzz: config files', () => {
  it('random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => acceptsOrRefuses(() => resolveConfig(sortingNetworks, [{ source: 'f', config: parseConfigFile(v, 'f') }]))),
      { numRuns: RUNS, seed: 1 },
    );
  });

  it('mutations of a valid config', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(validConfig), async (v) =>
        acceptsOrRefuses(() => resolveConfig(sortingNetworks, [{ source: 'f', config: parseConfigFile(v, 'f') }])),
      ),
      { numRuns: RUNS, seed: 2 },
    );
  });
});

describe('fuzz: run flags', () => {
  const flagNames = ['domain', 'generations', 'seed', 'backend', 'population', 'solvers', 'challengers', 'evaluation', 'opponents', 'checkpointEvery', 'inputs', 'maxComparators', 'vectors', 'initialDensity'];
  const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 300 }).map(String), fc.constantFrom('auto', 'cpu', 'sampled', 'round-robin', '1e3', '0x10', ' 7', 'NaN', 'Infinity'));
  it('random flag values are accepted or refused by name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...flagNames), value, { maxKeys: 5 }), async (flags) =>
        acceptsOrRefuses(() => prepareRun(flags as RunFlags)),
      ),
      { numRuns: RUNS, seed: 3 },
    );
  });
});

describe('fuzz: network files', () => {
  const valid = { inputs: 6, comparators: [[0, 1], [2, 3], [1, 2], [4, 5]] };
  it('random JSON and mutations of a valid network', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (v) => acceptsOrRefuses(() => parseNetwork(v, 'n.json'))), { numRuns: RUNS, seed: 4 });
    await fc.assert(fc.asyncProperty(mutated(valid), async (v) => acceptsOrRefuses(() => parseNetwork(v, 'n.json'))), { numRuns: RUNS, seed: 5 });
  });

  it('every domain decodes random JSON or refuses it', async () => {
    for (const d of DOMAINS) {
      const instance = d.create(d.options.parse(d.testOptions ?? {}));
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (v) => {
          await acceptsOrRefuses(() => instance.solver.decode(v, 's.json'));
          await acceptsOrRefuses(() => instance.challenger.decode(v, 'c.json'));
        }),
        { numRuns: 500, seed: 6 },
      );
    }
  });
});

describe('fuzz: checkpoints and champion logs', () => {
  const { config, instance } = resolveConfig(sortingNetworks, [{ source: 't', config: { options: { inputs: 5 }, solvers: 4, challengers: 4 } }]);
  const text = serializeCheckpoint({ config, state: initialState(instance, config) });

  it('truncated, bit-flipped and spliced checkpoint text', async () => {
    const damaged = fc.oneof(
      fc.nat({ max: text.length }).map((n) => text.slice(0, n)),
      fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 127 })).map(
        ([i, x]) => text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ x) + text.slice(i + 1),
      ),
      fc.tuple(fc.nat({ max: text.length }), fc.string()).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
      fc.string(),
    );
    await fc.assert(fc.asyncProperty(damaged, async (t) => acceptsOrRefuses(() => parseCheckpoint(t, 'checkpoint.json'))), { numRuns: RUNS, seed: 7 });
  });

  it('damaged champion logs', async () => {
    const log = Buffer.concat([0, 1, 2].map((g) => encodeRecord(g, Float32Array.of(g, 1), Float32Array.of(2, g, 3))));
    const damaged = fc.oneof(
      fc.nat({ max: log.length }).map((n) => log.subarray(0, n)),
      fc.tuple(fc.nat({ max: log.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
        const b = Buffer.from(log);
        b[i]! ^= x;
        return b;
      }),
      fc.uint8Array({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(damaged, fc.nat({ max: 4 }), async (bytes, count) =>
        acceptsOrRefuses(() => decodeRecords(bytes, count, 2, 3, 'champions.bin')),
      ),
      { numRuns: RUNS, seed: 8 },
    );
  });
});
