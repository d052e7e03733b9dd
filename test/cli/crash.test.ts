/**
 * Crash safety: SIGKILL a run at 20 random moments (startup, mid-generation,
 * mid-checkpoint, during a resume), resume each time, and the finished run
 * is bit-identical to one that was never interrupted.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint, runPaths } from '../../core/run/run-dir.ts';
import { stream } from '../../core/basics/rng.ts';
import { lineCount, runCli, startCli, tempDir, waitFor } from '../helpers/cli.ts';

const KILLS = 20;
const args = ['--domain', 'sorting-networks', '--inputs', '8', '--population', '48', '--generations', '600', '--seed', '21', '--quiet'];

describe('SIGKILL at random moments', () => {
  it(`${KILLS} kills and resumes end exactly where an uninterrupted run ends`, async () => {
    const base = await tempDir();
    const whole = join(base, 'whole');
    const clean = await runCli(['run', ...args, '--out', whole]);
    expect(clean.code, clean.stderr).toBe(0);

    const dir = join(base, 'killed');
    const rng = stream('kill-times');
    let started = false;
    const reached: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const { child, done } = startCli(started ? ['resume', dir, '--quiet'] : ['run', ...args, '--out', dir]);
      started = true;
      // One kill in five lands while the process starts up (or truncates its
      // logs on resume); the others once it has played 1 to 40 more
      // generations, plus up to 30 ms so they fall anywhere inside a
      // generation or a checkpoint write. Tied to progress, not the clock,
      // so it holds on fast and slow machines alike.
      if (rng.chance(0.2)) {
        await new Promise((r) => setTimeout(r, rng.int(600)));
      } else {
        const target = (await lineCount(join(dir, 'metrics.jsonl'))) + 1 + rng.int(40);
        await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= target, 60_000, 5);
        await new Promise((r) => setTimeout(r, rng.int(30)));
      }
      child.kill('SIGKILL');
      const r = await done;
      expect(r.signal, `kill ${k} came after the run ended: lengthen the run (${r.stderr})`).toBe('SIGKILL');
      reached.push((await loadCheckpoint(runPaths(dir))).state.generation);
    }
    // The kills landed across the run, not all before it started.
    expect(new Set(reached).size).toBeGreaterThanOrEqual(10);
    expect(reached.at(-1)!).toBeLessThan(600);
    const final = await runCli(['resume', dir, '--quiet']);
    expect(final.code, final.stderr).toBe(0);

    for (const file of ['metrics.jsonl', 'best.json']) {
      expect(await readFile(join(dir, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
    }
    expect((await loadCheckpoint(runPaths(dir))).state).toEqual((await loadCheckpoint(runPaths(whole))).state);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Two full runs and 21 process starts: on two busy cores that can take a few minutes.
  }, 300_000);
});
