/**
 * `--generations 0` plays until stopped: Ctrl-C (SIGINT) checkpoints and
 * stops with everything written (exit 130), `resume` keeps playing until
 * stopped again, and what it played equals a bounded run of the same seed.
 * `--help` says what the default is, per domain, and what 0 means.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpoint } from '../../core/run/checkpoint.ts';
import { DOMAINS } from '../../populations/index.ts';
import { lineCount, runCli, startCli, tempDir, waitFor } from '../helpers/cli.ts';

const small = ['run', '--domain', 'sorting-networks', '--inputs', '6', '--population', '24', '--backend', 'cpu', '--seed', '4'];
const read = (dir: string, f: string) => readFile(join(dir, f), 'utf8');

async function interrupt(args: readonly string[], dir: string, atLeast: number): Promise<{ code: number | null; stderr: string }> {
  const { child, done } = startCli(args);
  await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= atLeast, 60_000, 10);
  child.kill('SIGINT');
  return done;
}

describe('--generations 0', () => {
  it('runs until SIGINT, resumes until SIGINT again, and equals a bounded run', async () => {
    const base = await tempDir();
    const dir = join(base, 'open');
    // Not --quiet: the progress line copes with a run that has no total.
    const first = await interrupt([...small, '--generations', '0', '--out', dir], dir, 30);
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toMatch(/gen 25 \(until stopped\) solvers/);
    expect(first.stderr).toMatch(/stopped at generation \d+ .*redqueen resume /);
    const at = (await readCheckpoint(join(dir, 'checkpoint.json'))).state.generation;
    expect(at).toBeGreaterThanOrEqual(30);
    expect(await lineCount(join(dir, 'metrics.jsonl'))).toBe(at);
    expect(JSON.parse(await read(dir, 'run.json')).config.generations).toBe(0);

    const second = await interrupt(['resume', dir, '--quiet'], dir, at + 20);
    expect(second.code, second.stderr).toBe(130);
    const end = (await readCheckpoint(join(dir, 'checkpoint.json'))).state.generation;
    expect(end).toBeGreaterThanOrEqual(at + 20);

    const whole = join(base, 'bounded');
    const bounded = await runCli([...small, '--generations', String(end), '--out', whole, '--quiet']);
    expect(bounded.code, bounded.stderr).toBe(0);
    for (const f of ['metrics.jsonl', 'best.json', 'best-valid.json', 'best-probed.json']) {
      expect(await read(dir, f), f).toBe(await read(whole, f));
    }
  }, 180_000);

  it('is documented in --help with the default each domain plays', async () => {
    const help = await runCli(['run', '--help']);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--generations <n> generations to play; 0 = until stopped/);
    for (const d of DOMAINS) expect(text).toContain(`${d.defaults?.generations ?? 300} for ${d.name}`);
    expect(text).toContain('300 for sorting-networks');
    const resume = await runCli(['resume', '--help']);
    expect(resume.stdout.replace(/\s+/g, ' ')).toMatch(/0 = until stopped/);
  });
});
