/**
 * The run/resume contract, through the real CLI: byte-identical metrics for
 * the same seed, bit-identical continuation after SIGKILL or Ctrl-C, and a
 * valid 8-input network from the documented command.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpoint } from '../../core/run/checkpoint.ts';
import { loadCheckpoint, runPaths } from '../../core/run/run-dir.ts';
import { lineCount, runCli, startCli, tempDir, waitFor } from '../helpers/cli.ts';

const small = ['run', '--domain', 'sorting-networks', '--inputs', '6', '--population', '24', '--quiet'];
const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

describe('redqueen run', () => {
  it('gives byte-identical metrics for the same seed, different ones for another', async () => {
    const base = await tempDir();
    const runs = await Promise.all(
      ['a', 'b', 'c'].map((name, i) =>
        runCli([...small, '--generations', '25', '--seed', i < 2 ? '11' : '12', '--out', join(base, name)]),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [a, b, c] = (await Promise.all(['a', 'b', 'c'].map((n) => read(join(base, n), 'metrics.jsonl')))) as [string, string, string];
    expect(a.split('\n').filter(Boolean)).toHaveLength(25);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(await read(join(base, 'b'), 'best.json')).toBe(await read(join(base, 'a'), 'best.json'));
  });

  it('resumes after SIGKILL bit-identically to an uninterrupted run', async () => {
    const base = await tempDir();
    const args = [...small, '--generations', '40', '--seed', '5', '--checkpoint-every', '3'];
    // Checkpoints every 3 generations, so the kill usually lands between two
    // and the resume must replay and drop the generations after the last one.
    const whole = await runCli([...args, '--out', join(base, 'whole')]);
    expect(whole.code, whole.stderr).toBe(0);

    const killed = join(base, 'killed');
    const { child, done } = startCli([...args, '--out', killed]);
    await waitFor(async () => (await lineCount(join(killed, 'metrics.jsonl'))) >= 14);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const checkpoint = await readCheckpoint(join(killed, 'checkpoint.json'));
    expect(checkpoint.state.generation).toBeGreaterThanOrEqual(12);
    expect(checkpoint.state.generation).toBeLessThan(40);

    const resumed = await runCli(['resume', killed, '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await read(killed, 'metrics.jsonl')).toBe(await read(join(base, 'whole'), 'metrics.jsonl'));
    expect(await read(killed, 'best.json')).toBe(await read(join(base, 'whole'), 'best.json'));
    const a = await loadCheckpoint(runPaths(killed));
    const b = await loadCheckpoint(runPaths(join(base, 'whole')));
    expect(a.state).toEqual(b.state);
    expect(a.state.champions.solvers).toHaveLength(40);
    const runJson = JSON.parse(await read(killed, 'run.json'));
    expect(runJson.sessions).toHaveLength(2);
    expect(runJson.sessions[1].fromGeneration).toBe(checkpoint.state.generation);
  });

  it('stops cleanly on Ctrl-C with everything written, then resumes to the same end', async () => {
    const base = await tempDir();
    const args = [...small, '--seed', '8', '--checkpoint-every', '1000'];
    const dir = join(base, 'stopped');
    const { child, done } = startCli([...args, '--generations', '100000', '--out', dir]);
    await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= 5);
    child.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/redqueen resume /);
    const at = (await readCheckpoint(join(dir, 'checkpoint.json'))).state.generation;
    // The checkpoint (every 1000) was forced by the stop and matches the log.
    expect(await lineCount(join(dir, 'metrics.jsonl'))).toBe(at);
    expect(JSON.parse(await read(dir, 'best.json')).generation).toBe(at - 1);

    const resumed = await runCli(['resume', dir, '--generations', String(at + 6), '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const whole = await runCli([...args, '--generations', String(at + 6), '--out', join(base, 'whole')]);
    expect(await read(dir, 'metrics.jsonl')).toBe(await read(join(base, 'whole'), 'metrics.jsonl'));
  });

  it('finds a valid 8-input network with the documented command', async () => {
    const dir = join(await tempDir(), 's8');
    const r = await runCli(['run', '--domain', 'sorting-networks', '--inputs', '8', '--seed', '1', '--generations', '300', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const best = JSON.parse(await read(dir, 'best.json'));
    expect(best.probe.valid).toBe(true);
    expect(best.solver.comparators.length).toBeLessThanOrEqual(21);
    expect(JSON.parse(await read(dir, 'run.json')).backend).toMatch(/^(webgpu|headlessgl|wasm|webasm|cpu)$/);
    // The README's next step: eval takes the run's best.json and checks its solver.
    const e = await runCli(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'best.json'), '--json']);
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout)).toMatchObject({ valid: true, comparators: best.solver.comparators.length, inputsTotal: 256 });
  });
});
