/**
 * Chaos: 10 seeded rounds of SIGKILL (at startup, at work), SIGTERM,
 * a resume attempted while a writer is at work, and two resumes started at
 * once. Every refused writer exits 2 naming the holder, every SIGTERM 143,
 * stale locks of killed writers are taken over; at the end metrics.jsonl,
 * champions.bin and best.json equal those of an uninterrupted run, and the
 * files agree (the check analyze and serve make).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stream } from '../../core/basics/rng.ts';
import { checkRunFiles } from '../../core/run/consistency.ts';
import { readRunConfig } from '../../core/stream/run-files.ts';
import { lineCount, runCli, startCli, tempDir, waitFor, type CliResult } from '../helpers/cli.ts';

const ROUNDS = 10;
const GENERATIONS = 600;
const args = ['--domain', 'number-games', '--population', '16', '--backend', 'cpu', '--seed', 'chaos', '--generations', String(GENERATIONS)];
// The run streams at a pace of 8 generations a second, so a writer is still at work while another starts
// (a process start takes seconds on two busy cores); the final resume plays the rest at full speed.
const paced = ['--port', '0', '--speed', '8'];
const ACTIONS = ['kill-at-start', 'kill', 'term', 'attempt', 'pair'] as const;

describe('chaos', () => {
  it(`${ROUNDS} rounds of kills, stops and concurrent writers end where an uninterrupted run ends`, async () => {
    const base = await tempDir('rq-chaos-');
    const whole = join(base, 'whole');
    const clean = await runCli(['run', ...args, '--out', whole, '--quiet']);
    expect(clean.code, clean.stderr).toBe(0);

    const dir = join(base, 'chaos');
    const metrics = () => lineCount(join(dir, 'metrics.jsonl'));
    const rng = stream('chaos-rounds');
    const seen = new Set<string>();
    let started = false;
    const writer = () => {
      const w = startCli(started ? ['resume', dir, '--quiet'] : ['run', ...args, ...paced, '--out', dir, '--quiet']);
      started = true;
      return w;
    };
    /** Wait until the writer has played 1 to 15 more generations; fail with its output if it ends first. */
    const atWork = async (w: ReturnType<typeof startCli>, label: string) => {
      const target = (await metrics()) + 1 + rng.int(15);
      let ended: CliResult | null = null;
      void w.done.then((r) => (ended = r));
      await waitFor(async () => ended !== null || (await metrics()) >= target, 60_000, 5);
      if (ended !== null && (await metrics()) < target) throw new Error(`${label}: the writer ended early: ${JSON.stringify(ended)}`);
    };
    for (let round = 0; round < ROUNDS; round++) {
      // The first rounds go through every action once; then they are drawn.
      const action = round < ACTIONS.length ? ACTIONS[(round + 2) % ACTIONS.length]! : ACTIONS[rng.int(ACTIONS.length)]!;
      seen.add(action);
      const label = `round ${round} (${action})`;
      if (action === 'kill-at-start') {
        const w = writer();
        await new Promise((r) => setTimeout(r, rng.int(800)));
        w.child.kill('SIGKILL');
        expect((await w.done).signal, label).toBe('SIGKILL');
      } else if (action === 'kill' || action === 'term') {
        const w = writer();
        await atWork(w, label);
        w.child.kill(action === 'kill' ? 'SIGKILL' : 'SIGTERM');
        const r = await w.done;
        if (action === 'kill') expect(r.signal, label).toBe('SIGKILL');
        else expect(r.code, `${label}: ${r.stderr}`).toBe(143);
      } else if (action === 'attempt') {
        const w = writer();
        await atWork(w, label);
        const other = await runCli(['resume', dir, '--quiet']);
        expect(other.code, `${label}: ${other.stderr}`).toBe(2);
        expect(other.stderr, label).toContain(`is being written by pid ${w.child.pid} (`);
        w.child.kill('SIGKILL');
        await w.done;
      } else {
        // Two resumes at once (the run exists by now: round 0 is never a pair).
        const a = startCli(['resume', dir, '--quiet']);
        const b = startCli(['resume', dir, '--quiet']);
        const first = await Promise.race([a.done.then((r) => ({ r, other: b })), b.done.then((r) => ({ r, other: a }))]);
        expect(first.r.code, `${label}: ${first.r.stderr}`).toBe(2);
        expect(first.r.stderr, label).toContain(`is being written by pid ${first.other.child.pid} (`);
        await atWork(first.other, label);
        first.other.child.kill('SIGKILL');
        await first.other.done;
      }
    }
    expect(seen.size).toBe(ACTIONS.length);
    expect(await metrics(), 'the rounds left generations to play').toBeLessThan(GENERATIONS);
    const final = await runCli(['resume', dir, '--quiet', '--no-stream']);
    expect(final.code, final.stderr).toBe(0);

    for (const file of ['metrics.jsonl', 'champions.bin', 'best.json']) {
      expect((await readFile(join(dir, file))).equals(await readFile(join(whole, file))), file).toBe(true);
    }
    const { instance } = await readRunConfig(dir);
    expect(await checkRunFiles(dir, instance.solver.length, instance.challenger.length)).toBeNull();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp') || f.startsWith('writer.lock'))).toEqual([]);
  }, 400_000);
});
