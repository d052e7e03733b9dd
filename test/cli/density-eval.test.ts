/**
 * `redqueen eval --domain density-classification`: the real CLI for the
 * headline numbers and the exit codes; the flag handling behind it in process
 * (a CLI start costs seconds on a loaded 2-core machine).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';
import { densityEval } from '../../populations/density-classification/eval.ts';

const GKL = '005F005F005F005F005FFF5F005FFF5F';

/** The rule that gives each cell the majority of its 7 cells, as hex. */
function majorityHex(): string {
  let hex = '';
  for (let d = 0; d < 32; d++) {
    let v = 0;
    for (let b = 0; b < 4; b++) {
      const k = 4 * d + b;
      let ones = 0;
      for (let i = 0; i < 7; i++) ones += (k >> i) & 1;
      v = v * 2 + (ones >= 4 ? 1 : 0);
    }
    hex += v.toString(16);
  }
  return hex;
}

interface Report {
  accuracy: number;
  ics: number;
  size: number;
  steps: number;
}

const evalIn = async (values: Record<string, string>) => (await densityEval.run(values)) as unknown as Report;

describe('redqueen eval --domain density-classification', () => {
  it("reports GKL's standard accuracy, 81.6% +/- 1.5, on 10^4 ICs", async () => {
    const r = await runCli(['eval', '--domain', 'density-classification', '--rule', GKL, '--seed', '7', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Report;
    expect(Object.keys(out).sort()).toEqual(['accuracy', 'ics', 'size', 'steps']);
    expect(out).toMatchObject({ ics: 10000, size: 149, steps: 320 });
    expect(out.accuracy).toBeGreaterThan(0.801);
    expect(out.accuracy).toBeLessThan(0.831);
  });

  it('the same seed gives the same accuracy; another seed samples other ICs', async () => {
    const a = await evalIn({ rule: GKL, ics: '2000', seed: 'x' });
    expect((await evalIn({ rule: GKL, ics: '2000', seed: 'x' })).accuracy).toBe(a.accuracy);
    expect((await evalIn({ rule: GKL, ics: '2000', seed: 'y' })).accuracy).not.toBe(a.accuracy);
  });

  it('the coevolved rule in examples/ beats GKL on the same 20,000 fresh ICs (the README\'s result)', async () => {
    const { rule } = JSON.parse(readFileSync('populations/density-classification/examples/coevolved-dc8.json', 'utf8')) as { rule: string };
    const evolved = (await evalIn({ rule, ics: '20000', seed: 'fresh' })).accuracy;
    const gkl = (await evalIn({ rule: GKL, ics: '20000', seed: 'fresh' })).accuracy;
    // Measured at 85.1-85.4% against GKL's 81.6-81.7% on 10^5 ICs.
    expect(evolved).toBeGreaterThan(gkl + 0.02);
  });

  it('takes --rule as a file too: a rule file, or a run\'s best.json (its solver)', async () => {
    const best = join(await tempDir(), 'best.json');
    writeFileSync(best, JSON.stringify({ generation: 4, solver: { rule: GKL }, challenger: { size: 149, ones: 1, configuration: '1'.padEnd(149, '0') } }));
    const rulefile = join(await tempDir(), 'gkl.json');
    writeFileSync(rulefile, JSON.stringify(GKL));
    const direct = (await evalIn({ rule: GKL, ics: '500', seed: 'f' })).accuracy;
    expect((await evalIn({ rule: best, ics: '500', seed: 'f' })).accuracy).toBe(direct);
    expect((await evalIn({ rule: rulefile, ics: '500', seed: 'f' })).accuracy).toBe(direct);
    await expect(evalIn({ rule: join(rulefile, 'missing.json') })).rejects.toThrow(/^--rule .*missing\.json: cannot read the file/);
    writeFileSync(best, JSON.stringify({ generation: 1, solver: { inputs: 8, comparators: [] }, challenger: null }));
    await expect(evalIn({ rule: best })).rejects.toThrow(/best\.json "solver": unknown field "inputs"/);
  });

  it('the local majority rule classifies almost nothing (it freezes into blocks)', async () => {
    expect((await evalIn({ rule: majorityHex(), ics: '2000', seed: '3' })).accuracy).toBeLessThan(0.01);
  });

  it('does not credit majority-1 ICs to a rule that maps all-1 to all-0', async () => {
    // GKL with entry 127 cleared: all-1 is no longer a fixed point, so only majority-0 ICs can count.
    const out = await evalIn({ rule: `${GKL.slice(0, 31)}E`, ics: '2000', seed: '5' });
    expect(out.accuracy).toBeGreaterThan(0.4);
    expect(out.accuracy).toBeLessThan(0.56);
  });

  it('honours --size and --steps', async () => {
    const out = await evalIn({ rule: GKL, size: '59', steps: '100', ics: '1000' });
    expect(out).toMatchObject({ size: 59, steps: 100, ics: 1000 });
    expect(out.accuracy).toBeGreaterThan(0.7);
  });

  it.each([
    [{ rule: `${GKL.slice(0, 31)}Z` }, /--rule: "Z" at position 32 is not a hex digit/],
    [{ rule: GKL, size: 'big' }, /--size must be a whole number, got "big"/],
    [{ rule: GKL, size: '5' }, /--size must be between 7 and/],
    [{ rule: GKL, steps: '-5' }, /--steps must be between 1 and/],
    [{ rule: GKL, seed: ' ' }, /--seed must not be empty/],
  ])('refuses %j naming the flag', async (values, message) => {
    await expect(densityEval.run(values)).rejects.toThrow(message);
  });

  it.each([
    [['--rule', '005F'], /--rule: a radius-3 rule is 32 hex digits/],
    [['--rule', GKL, '--size', '150'], /--size must be odd/],
    [['--rule', GKL, '--ics', '0'], /--ics must be between 1 and/],
    [[], /needs --rule HEX/],
  ])('the CLI refuses %j with exit 2 and one line naming the flag', async (args, message) => {
    const r = await runCli(['eval', '--domain', 'density-classification', ...args, '--json']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
