/**
 * One writer per run directory, with real processes: two resumes started at
 * once, a run racing a resume, two runs on one --out. Exactly one proceeds,
 * the others exit 2 naming the holder, and the directory ends exactly as an
 * uninterrupted run of the same seed. Also: SIGTERM stops with 143 and a
 * resume line that runs as printed, carrying the stream flags.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineCount, runCli, startCli, tempDir, waitFor, type CliResult } from '../helpers/cli.ts';

const GENERATIONS = 200;
const args = ['--domain', 'number-games', '--population', '16', '--backend', 'cpu', '--seed', 'writers', '--generations', String(GENERATIONS)];
const RECORD = ['metrics.jsonl', 'champions.bin', 'best.json'];

let base = '';
let whole = '';
beforeAll(async () => {
  base = await tempDir('rq-writers-');
  whole = join(base, 'whole');
  const r = await runCli(['run', ...args, '--out', whole, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

async function expectSameRecord(dir: string): Promise<void> {
  for (const file of RECORD) {
    expect((await readFile(join(dir, file))).equals(await readFile(join(whole, file))), file).toBe(true);
  }
  const left = (await readdir(dir)).filter((f) => f.endsWith('.tmp') || f.startsWith('writer.lock'));
  expect(left, 'no temporaries or lock left').toEqual([]);
}

/** Of results started together: the one that ran (exit 0) and the refused ones (exit 2). */
function split(results: readonly CliResult[]): { ran: CliResult[]; refused: CliResult[] } {
  return { ran: results.filter((r) => r.code === 0), refused: results.filter((r) => r.code === 2) };
}

/** Run a printed command line through the shell, from the project directory, as a user would paste it. */
function shell(line: string): Promise<CliResult> {
  const child = spawn('sh', ['-c', line], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
}

describe('one writer per run directory', () => {
  it('SIGTERM stops with 143; two resumes at once: one proceeds, the other exits 2 naming it; the printed line resumes', async () => {
    const dir = join(base, 'twice');
    const started = startCli(['run', ...args, '--out', dir, '--port', '0', '--speed', '25']);
    await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= 10);
    started.child.kill('SIGTERM');
    const stopped = await started.done;
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).not.toMatch(/press/);
    expect(stopped.stderr).toContain(`continue with: npx redqueen resume ${dir} --port 0 --speed 25\n`);
    expect(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')).stream).toEqual({ port: 0, speed: 25 });

    // The bug report: both `resume DIR` at once. The first to take the lock plays; the other is refused before writing.
    // Both resume paced as the run was (--speed 25 from run.json), so the winner outlasts the loser's start.
    const a = startCli(['resume', dir, '--quiet']);
    const b = startCli(['resume', dir, '--quiet']);
    const first = await Promise.race([a.done.then((r) => ({ r, other: b })), b.done.then((r) => ({ r, other: a }))]);
    const refused = first.r;
    const winner = first.other;
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`^redqueen: error: ${dir} is being written by pid ${winner.child.pid} \\(redqueen resume, since [^)]+\\); only one run or resume may write a run directory`),
    );
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    // The winner is stopped midway (Ctrl-C) so the printed line has something left to do.
    await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= 60, 120_000);
    winner.child.kill('SIGINT');
    const interrupted = await winner.done;
    expect(interrupted.code, interrupted.stderr).toBe(130);

    // The line the stop printed, run as printed from the project directory (npx), streams as the run did.
    const line = /continue with: (.*)\n/.exec(interrupted.stderr)![1]!;
    expect(line).toBe(`npx redqueen resume ${dir} --port 0 --speed 25`);
    const resumed = await shell(line);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/viewer: http:\/\/127\.0\.0\.1:\d+\//);
    await expectSameRecord(dir);
  }, 240_000);

  it('a run racing a resume on a new directory, and two runs on one --out: exactly one writes', async () => {
    const raced = join(base, 'raced');
    const results = await Promise.all([runCli(['run', ...args, '--out', raced, '--quiet']), runCli(['resume', raced, '--quiet'])]);
    const [run, resume] = results;
    expect(run!.code, run!.stderr).toBe(0);
    expect(resume!.code, resume!.stderr).toBe(2);
    // Whatever moment the resume looked: no directory yet, no checkpoint yet, or the run's lock.
    expect(resume!.stderr).toMatch(/no such directory|checkpoint\.json: cannot read the checkpoint|is being written by pid \d+ \(redqueen run/);
    await expectSameRecord(raced);

    const twin = join(base, 'twin');
    const { ran, refused } = split(
      await Promise.all([runCli(['run', ...args, '--out', twin, '--quiet']), runCli(['run', ...args, '--out', twin, '--quiet'])]),
    );
    expect(ran).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.stderr).toMatch(/already holds a run|is being written by pid \d+ \(redqueen run/);
    await expectSameRecord(twin);
  }, 240_000);

  it('a resume while a run writes is refused with the run\'s pid, and so is a run on its --out', async () => {
    const dir = join(base, 'busy');
    // Paced (a stream at 25 generations a second) so it is still writing when the others try.
    const running = startCli(['run', ...args, '--out', dir, '--quiet', '--port', '0', '--speed', '25']);
    await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= 5);
    const resume = await runCli(['resume', dir, '--quiet']);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(`is being written by pid ${running.child.pid} (redqueen run,`);
    const again = await runCli(['run', ...args, '--out', dir, '--quiet']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a run; continue it with `npx redqueen resume/);
    const done = await running.done;
    expect(done.code, done.stderr).toBe(0);
    await expectSameRecord(dir);
  }, 240_000);
});
