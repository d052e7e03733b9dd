/**
 * Disk faults injected for real: a run on a 200 KB tmpfs fills it, a run
 * directory on a read-only mount. Each fault is one line (what, where, how
 * to resume), exit 3, no stack and no temporary left; a copy of the
 * directory then resumes to exactly what an uninterrupted run writes.
 * Mounting needs root (as here and in CI); elsewhere the tests say so and skip.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckpoint } from '../../core/run/checkpoint.ts';
import { runCli, tempDir, type CliResult } from '../helpers/cli.ts';

const args = ['--domain', 'number-games', '--population', '16', '--backend', 'cpu', '--seed', 'faults', '--quiet'];
const RECORD = ['metrics.jsonl', 'champions.bin', 'best.json'];

const mounts: string[] = [];
let base = '';
let whole = '';
let cannotMount: string | null = null;

function sh(cmd: string, ...argv: string[]): { ok: boolean; why: string } {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  return { ok: r.status === 0, why: (r.stderr || r.error?.message || '').trim() };
}

/** A fresh tmpfs of `size` mounted on a new directory. */
async function tmpfs(size: string): Promise<string> {
  const at = await mkdtemp(join(tmpdir(), 'rq-tmpfs-'));
  const r = sh('mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at);
  if (!r.ok) throw new Error(`mount failed: ${r.why}`);
  mounts.push(at);
  return at;
}

beforeAll(async () => {
  base = await tempDir('rq-faults-');
  try {
    await tmpfs('64k');
  } catch (e) {
    cannotMount = (e as Error).message;
    return;
  }
  whole = join(base, 'whole');
  const r = await runCli(['run', ...args, '--generations', '150', '--out', whole]);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(async () => {
  for (const at of mounts.reverse()) sh('umount', '-l', at);
  for (const at of mounts) await rm(at, { recursive: true, force: true });
});

function expectOneLine(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(pattern);
}

async function temporaries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.tmp') || f.startsWith('writer.lock'));
}

async function expectResumesLikeWhole(dir: string): Promise<void> {
  const copy = join(base, `copy-${mounts.length}-${Date.now()}`);
  await cp(dir, copy, { recursive: true });
  const r = await runCli(['resume', copy, '--generations', '150', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  for (const file of RECORD) {
    expect((await readFile(join(copy, file))).equals(await readFile(join(whole, file))), file).toBe(true);
  }
}

describe('disk faults', () => {
  it('a full disk: one line with the file and the generation to resume from; a copy resumes byte-identically', async (ctx) => {
    if (cannotMount) {
      console.log(`skipped: cannot mount a tmpfs here (${cannotMount}); the fault tests need root`);
      ctx.skip();
    }
    const disk = await tmpfs('200k');
    const dir = join(disk, 'run');
    const r = await runCli(['run', ...args, '--generations', '150', '--out', dir]);
    expectOneLine(
      r,
      3,
      /^redqueen: error: cannot (write|append to|open|flush|close) \S+: no space left on the device \(ENOSPC\); the run can be resumed from generation \d+ once that is fixed: npx redqueen resume \S+$/,
    );
    const g = Number(/from generation (\d+)/.exec(r.stderr)![1]);
    expect((await readCheckpoint(join(dir, 'checkpoint.json'))).state.generation).toBe(g);
    expect(g).toBeGreaterThan(0);
    expect(g).toBeLessThan(150);
    expect(await temporaries(dir)).toEqual([]);

    // Resuming on the still-full disk fails the same way and harms nothing.
    const again = await runCli(['resume', dir, '--generations', '150', '--quiet']);
    expectOneLine(again, 3, new RegExp(`\\(ENOSPC\\); the run can be resumed from generation ${g} once`));
    expect(await temporaries(dir)).toEqual([]);
    await expectResumesLikeWhole(dir);
  });

  it('a read-only mount: resume, run and a nested --out refused in one line; a file as --out is bad input', async (ctx) => {
    if (cannotMount) {
      console.log(`skipped: cannot mount a tmpfs here (${cannotMount}); the fault tests need root`);
      ctx.skip();
    }
    const disk = await tmpfs('4m');
    const dir = join(disk, 'run');
    const first = await runCli(['run', ...args, '--generations', '20', '--out', dir]);
    expect(first.code, first.stderr).toBe(0);
    const remount = sh('mount', '-o', 'remount,ro', disk);
    expect(remount.ok, remount.why).toBe(true);

    const resume = await runCli(['resume', dir, '--generations', '150', '--quiet']);
    expectOneLine(
      resume,
      3,
      new RegExp(
        `^redqueen: error: cannot create the lock ${dir}/writer\\.lock: the file system is read-only \\(EROFS\\); the run can be resumed from generation 20 once that is fixed: npx redqueen resume ${dir}$`,
      ),
    );
    // analyze reads without the lock but writes its report beside the run: refused the same way.
    const analyze = await runCli(['analyze', dir]);
    expectOneLine(analyze, 3, /^redqueen: error: cannot create the analysis folder \S+\/analysis: the file system is read-only \(EROFS\)$/);
    const fresh = await runCli(['run', ...args, '--generations', '20', '--out', join(disk, 'a', 'b')]);
    expectOneLine(fresh, 3, /^redqueen: error: cannot create the run directory \S+\/a\/b: the file system is read-only \(EROFS\)$/);
    const onFile = await runCli(['run', ...args, '--generations', '20', '--out', join(dir, 'best.json')]);
    expectOneLine(onFile, 2, /--out \S+best\.json: a file is there, not a directory; choose another --out$/);
    const under = await runCli(['run', ...args, '--generations', '20', '--out', join(dir, 'best.json', 'x')]);
    expectOneLine(under, 3, /cannot create the run directory \S+: a part of the path is a file, not a directory \(ENOTDIR\)$/);
    expect(await temporaries(dir)).toEqual([]);
    await expectResumesLikeWhole(dir);
  });

  it('--out naming an existing file on a writable disk is bad input, and nothing is created', async () => {
    const file = join(base, 'a-file');
    await writeFile(file, 'x');
    const r = await runCli(['run', ...args, '--generations', '5', '--out', file]);
    expectOneLine(r, 2, /a file is there, not a directory/);
    expect(await readFile(file, 'utf8')).toBe('x');
  });
});
