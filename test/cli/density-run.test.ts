import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

describe('redqueen run --domain density-classification', () => {
  it('refuses an even lattice size with exit 2 and the reason, creating nothing', async () => {
    const out = join(await tempDir(), 'dc');
    const r = await runCli(['run', '--domain', 'density-classification', '--size', '150', '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim()).toMatch(/--size: size must be odd so every configuration has a majority \(no ties\)/);
    await expect(readFile(join(out, 'run.json'))).rejects.toThrow();
  });

  it('plays a small run and writes the champion rule and IC in their human formats', async () => {
    const out = join(await tempDir(), 'dc');
    const r = await runCli([
      'run', '--domain', 'density-classification', '--size', '31', '--steps', '40', '--population', '8',
      '--generations', '3', '--seed', '4', '--backend', 'cpu', '--quiet', '--out', out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const best = JSON.parse(await readFile(join(out, 'best.json'), 'utf8'));
    expect(best.solver.rule).toMatch(/^[0-9A-F]{32}$/);
    expect(best.challenger.size).toBe(31);
    expect(best.challenger.configuration).toMatch(/^[01]{31}$/);
    expect(best.challenger.ones).toBe([...best.challenger.configuration].filter((c: string) => c === '1').length);
    expect(best.probe.score).toBeGreaterThanOrEqual(0);
    expect(best.probe.label).toMatch(/standard accuracy/);
  });

  it('accepts the README\'s coevolution config (every remedy it names), scaled down by flags', async () => {
    const out = join(await tempDir(), 'dc');
    const r = await runCli([
      'run', '--config', 'populations/density-classification/examples/coevolution.json', '--size', '31', '--steps', '40',
      '--population', '12', '--generations', '2', '--backend', 'cpu', '--quiet', '--out', out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    expect(run.config).toMatchObject({
      domain: 'density-classification', seed: 'dc7', solvers: 12, challengers: 12, fitnessSharing: true,
      paretoArchive: { challengers: 16, solvers: 8 }, difficulty: { schedule: 'ramp', start: 0.85, end: 0.85 },
    });
    expect(run.config.options).toMatchObject({ size: 31, steps: 40, immigrants: 0.5, symmetric: true });
  });
});
