/**
 * The wasm backend beyond the contract test (which holds every domain's wasm
 * kernel to the reference): its thread pool gives exactly one thread's
 * outcomes, a kernel that was never built makes the backend unavailable
 * with the command that builds it, calibration records its choice, and the
 * workers let the evaluator close.
 */
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../populations/index.ts';
import { kernelEvaluator, randomPair, referenceEvaluator, roundRobinOpponents, selectEvaluator } from '../../../core/backends/evaluator.ts';
import { BackendUnavailable } from '../../../core/backends/backend.ts';
import { wasmEvaluator } from '../../../core/backends/wasm/evaluator.ts';
import { sampledOpponents } from '../../../core/engine/interactions.ts';
import { stream } from '../../../core/basics/rng.ts';
import { UserError } from '../../../core/basics/errors.ts';
import { workingBackends } from '../../helpers/backends.ts';

const hasWasm = (await workingBackends()).includes('wasm');

describe.runIf(hasWasm).each(DOMAINS.map((d) => [d.name, d] as const))('wasm on %s', (_name, domain) => {
  const instance = domain.create(domain.options.parse(domain.testOptions ?? {}));

  it('gives the same outcomes on a pool of threads as on one', async () => {
    const one = await wasmEvaluator(instance, { threads: 1 });
    const pool = await wasmEvaluator(instance, { threads: 3 });
    try {
      expect(pool.threads).toBe(3);
      const [s, c] = randomPair(instance, 61, 37, 'pool');
      for (const [opp, width] of [
        [roundRobinOpponents(61, 37), 37],
        [sampledOpponents(61, 37, 11, stream('pool')), 11],
      ] as const) {
        const want = await one.evaluate(s, c, opp, width);
        // Repeated batches: rows go to whichever thread takes them first, never changing an outcome.
        for (let k = 0; k < 3; k++) expect(await pool.evaluate(s, c, opp, width)).toEqual(want);
      }
    } finally {
      await one.destroy();
      await pool.destroy();
    }
  });

  it('records its thread choice from calibration on the run shape', async () => {
    const ev = await kernelEvaluator(instance, 'wasm', { shape: { rows: 40, cols: 30, width: 30 } });
    try {
      expect(ev.detail).toMatch(/thread/);
      if ((ev as { threads?: number }).threads! > 1 || ev.detail!.includes('calibrated')) {
        expect(ev.detail).toMatch(/calibrated on a 40 x 30 batch: 1 thread [\d.]+ ms, \d+ threads [\d.]+ ms/);
      }
    } finally {
      await ev.destroy();
    }
  });
});

describe.runIf(hasWasm)('wasm thread pool', () => {
  it('splits a batch of more rows than one job holds (a job counts rows in 15 bits) and keeps every outcome', async () => {
    const games = DOMAINS.find((d) => d.name === 'number-games')!;
    const instance = games.create(games.options.parse(games.testOptions ?? {}));
    const [s, c] = randomPair(instance, 70_001, 5, 'big');
    const opp = sampledOpponents(70_001, 5, 1, stream('big'));
    const pool = await wasmEvaluator(instance, { threads: 2 });
    try {
      expect(await pool.evaluate(s, c, opp, 1)).toEqual(await referenceEvaluator(instance).evaluate(s, c, opp, 1));
    } finally {
      await pool.destroy();
    }
  });
});

describe('wasm without its built module', () => {
  const base = DOMAINS[0]!;
  const instance = base.create(base.options.parse(base.testOptions ?? {}));
  const unbuilt = { ...instance, wasm: { ...instance.wasm!, module: 'never-built' } };

  it('is unavailable, with one line naming the command that builds it', async () => {
    const err = await kernelEvaluator(unbuilt, 'wasm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendUnavailable);
    expect((err as Error).message).toBe('build/wasm/never-built.wasm is missing: build it with `npm run build:wasm`');
  });

  it('is refused as an explicit --backend with that line, and skipped by auto', async () => {
    const err = await selectEvaluator(unbuilt, 'wasm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('wasm: build/wasm/never-built.wasm is missing: build it with `npm run build:wasm`');
    const auto = await selectEvaluator(unbuilt, 'auto', { rows: 4, cols: 4, width: 4 });
    try {
      expect(auto.evaluator.backend).not.toBe('wasm');
      expect(auto.attempts.find((a) => a.backend === 'wasm')).toMatchObject({ ok: false, reason: expect.stringContaining('npm run build:wasm') });
    } finally {
      await auto.evaluator.destroy();
    }
  });
});
