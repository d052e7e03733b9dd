/**
 * The start-up line: short, names the backend chosen and its measured rate;
 * the others only with --verbose (and in run.json).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendLines, rate } from '../../core/cli/backend-line.ts';
import type { BackendAttempt } from '../../core/backends/evaluator.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

const attempts: BackendAttempt[] = [
  { backend: 'webgpu', ok: false, reason: 'the webgpu (Dawn) module does not load: /lib/libstdc++.so.6: version `GLIBCXX_3.4.32` not found' },
  { backend: 'headlessgl', ok: false, reason: 'headless-gl cannot create a context' },
  { backend: 'wasm', ok: true, seconds: 0.002 },
  { backend: 'cpu', ok: true, seconds: 0.01 },
];
const shape = { rows: 260, cols: 64, width: 64 };
const base = { title: 'Sorting networks', backend: 'wasm', attempts, shape, dir: 'runs/x' };

describe('backend lines', () => {
  it('one line naming the backend and its rate; the others counted, not listed', () => {
    // 260 x 64 games in 2 ms.
    expect(backendLines({ ...base, verbose: false })).toEqual([
      'redqueen: Sorting networks; backend wasm (kernel 8.3e6 games/s; 3 others tried, --verbose lists them); writing runs/x',
    ]);
  });

  it('with --verbose, one more line per backend not chosen, with its reason or rate', () => {
    const lines = backendLines({ ...base, verbose: true });
    expect(lines[0]).toBe('redqueen: Sorting networks; backend wasm (kernel 8.3e6 games/s; 3 others tried); writing runs/x');
    expect(lines.slice(1)).toEqual([
      `  not webgpu: ${attempts[0]!.reason}`,
      '  not headlessgl: headless-gl cannot create a context',
      '  not cpu: 1.7e6 games/s (10.0 ms a batch), slower',
    ]);
  });

  it('a backend asked for by name has no rate to show', () => {
    expect(backendLines({ ...base, attempts: [{ backend: 'cpu', ok: true }], backend: 'cpu', verbose: false })).toEqual([
      'redqueen: Sorting networks; backend cpu (as asked); writing runs/x',
    ]);
    expect(rate(1_234_567)).toBe('1.2e6');
  });
});

describe('redqueen run', () => {
  const args = ['run', '--inputs', '6', '--population', '16', '--generations', '1', '--seed', '1'];

  it('starts with one short line; --verbose lists the backends not chosen, as run.json records them', async () => {
    const dir = await tempDir();
    const plain = await runCli([...args, '--out', join(dir, 'a')]);
    expect(plain.code, plain.stderr).toBe(0);
    const first = plain.stderr.split('\n')[0]!;
    expect(first).toMatch(/^redqueen: .*; backend (\w+) \((kernel \S+ games\/s)?[^)]*\); writing /);
    expect(first.length).toBeLessThan(160);
    expect(plain.stderr).not.toMatch(/^ {2}not /m);

    const verbose = await runCli([...args, '--out', join(dir, 'b'), '--verbose']);
    expect(verbose.code, verbose.stderr).toBe(0);
    const run = JSON.parse(await readFile(join(dir, 'b', 'run.json'), 'utf8'));
    const session = run.sessions[0];
    const others = session.attempts.filter((a: { backend: string }) => a.backend !== session.backend);
    expect(others.length).toBeGreaterThan(0);
    const listed = verbose.stderr.split('\n').filter((l) => l.startsWith('  not '));
    expect(listed.map((l) => l.split(':')[0]!.slice(6))).toEqual(others.map((a: { backend: string }) => a.backend));
    expect(session.batch).toEqual({ rows: 16 + 4, cols: 16, width: 16 });
  });
});
