/**
 * A run on the wasm backend, through the real CLI: the same seed twice gives
 * byte-identical metrics (and the same as the gpu.js cpu backend: every
 * backend computes the same outcomes), run.json says which backend ran and
 * how many threads calibration chose, and the process exits by itself (the
 * worker threads shut down with the run).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';
import { workingBackends } from '../helpers/backends.ts';

const hasWasm = (await workingBackends()).includes('wasm');
const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

describe.runIf(hasWasm)('redqueen run --backend wasm', () => {
  it.each([
    ['sorting-networks', ['--inputs', '6', '--population', '24']],
    ['density-classification', ['--size', '49', '--steps', '40', '--population', '20']],
    ['number-games', ['--population', '20']],
  ] as const)('is deterministic on %s and records its backend and threads', async (domain, flags) => {
    const base = await tempDir();
    const args = (backend: string, name: string) => [
      'run', '--domain', domain, ...flags, '--generations', '12', '--seed', '7', '--quiet', '--backend', backend, '--out', join(base, name),
    ];
    const runs = await Promise.all([runCli(args('wasm', 'a')), runCli(args('wasm', 'b')), runCli(args('cpu', 'c'))]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => read(join(base, n), 'metrics.jsonl')));
    expect(a!.split('\n').filter(Boolean)).toHaveLength(12);
    expect(b).toBe(a);
    expect(c).toBe(a);
    const runJson = JSON.parse(await read(join(base, 'a'), 'run.json'));
    expect(runJson.backend).toBe('wasm');
    expect(runJson.sessions[0].attempts[0]).toMatchObject({ backend: 'wasm', ok: true, detail: expect.stringMatching(/kernel, \d+ threads?/) });
  });
});
