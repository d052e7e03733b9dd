import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderAlive, lockPath, lockRunDir, processStartTime, readLock, type LockHolder } from '../../../core/run/lock.ts';
import { removeStaleTemporaries } from '../../../core/run/run-dir.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirOf = () => mkdtemp(join(tmpdir(), 'rq-lock-'));

/** The pid of a process that has exited (and been reaped), so nothing runs under it now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const holder = (over: Partial<LockHolder>): LockHolder => ({
  pid: process.pid,
  host: hostname(),
  started: processStartTime(process.pid),
  command: 'redqueen run',
  since: '2026-01-01T00:00:00.000Z',
  nonce: 'abc123',
  ...over,
});

describe('the run directory lock', () => {
  it('is held by one writer: a second is refused naming the holder pid, and may take it once released', async () => {
    const dir = await dirOf();
    const lock = await lockRunDir(dir, 'redqueen run');
    expect(JSON.parse(await readFile(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid, command: 'redqueen run' });
    await expect(lockRunDir(dir, 'redqueen resume')).rejects.toThrow(
      new RegExp(`is being written by pid ${process.pid} \\(redqueen run, since .*\\); only one run or resume`),
    );
    await lock.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    const again = await lockRunDir(dir, 'redqueen resume');
    await again.release();
    // Nothing but the lock was ever in the directory: no candidate or marker left.
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over the lock of a dead process', async () => {
    const dir = await dirOf();
    const pid = deadPid();
    const stale = holder({ pid, started: null, nonce: 'deadbeef' });
    expect(holderAlive(stale)).toBe(false);
    await writeFile(lockPath(dir), JSON.stringify(stale));
    const lock = await lockRunDir(dir, 'redqueen resume');
    const now = await readLock(dir);
    expect(now).toMatchObject({ pid: process.pid, command: 'redqueen resume' });
    expect(now !== null && now !== 'unreadable' && now.nonce).not.toBe('deadbeef');
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock whose pid was recycled by another process (start time differs)', async () => {
    if (processStartTime(process.pid) === null) {
      console.log('skipped: no /proc here to read process start times from');
      return;
    }
    const dir = await dirOf();
    // Our own pid, alive, but a start time that is not ours: the lock's writer is gone.
    await writeFile(lockPath(dir), JSON.stringify(holder({ started: '1', nonce: 'recycled' })));
    const lock = await lockRunDir(dir, 'redqueen run');
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, nonce: lock.holder.nonce });
    await lock.release();
  });

  it('of several processes taking over one stale lock at once, exactly one gets it', async () => {
    const dir = await dirOf();
    await writeFile(lockPath(dir), JSON.stringify(holder({ pid: deadPid(), started: null, nonce: 'deadbeef' })));
    const contenders = Array.from({ length: 5 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/lock-holder.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      return { child, exited, out: () => out };
    });
    try {
      // The winner never exits by itself, so the losers' exits come first; wait for the winner's word too.
      const end = Date.now() + 60_000;
      while (contenders.filter((c) => /^(held|refused)/.test(c.out())).length < 5 && Date.now() < end) await sleep(50);
      const held = contenders.filter((c) => c.out().startsWith('held'));
      expect(held, contenders.map((c) => c.out()).join('')).toHaveLength(1);
      for (const c of contenders.filter((x) => !held.includes(x))) {
        expect(await c.exited).toBe(2);
        expect(c.out()).toMatch(new RegExp(`written by pid ${held[0]!.child.pid} \\(lock-holder`));
      }
      expect(await readLock(dir)).toMatchObject({ pid: held[0]!.child.pid });
    } finally {
      for (const c of contenders) c.child.kill('SIGKILL');
    }
  });

  it('takes over the lock of a killed writer its parent has not reaped yet (a zombie)', async () => {
    if (processStartTime(process.pid) === null) {
      console.log('skipped: no /proc here to tell a zombie');
      return;
    }
    // `sleep 0` exits at once; its parent then becomes `sleep 3` (exec), which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 3'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((r) => parent.stdout.once('data', (d: Buffer) => r(d.toString()))));
      await sleep(300);
      const dir = await dirOf();
      await writeFile(lockPath(dir), JSON.stringify(holder({ pid, started: processStartTime(pid), nonce: 'zombie' })));
      const lock = await lockRunDir(dir, 'redqueen resume');
      expect(await readLock(dir)).toMatchObject({ pid: process.pid });
      await lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('treats a lock from another host, or of a live process, as held', async () => {
    const dir = await dirOf();
    await writeFile(lockPath(dir), JSON.stringify(holder({ pid: 1, host: 'other-box', started: null })));
    await expect(lockRunDir(dir, 'redqueen run')).rejects.toThrow(/written by pid 1 on host other-box/);
    // pid 1 (init) is alive on this host.
    await writeFile(lockPath(dir), JSON.stringify(holder({ pid: 1, started: processStartTime(1) })));
    await expect(lockRunDir(dir, 'redqueen run')).rejects.toThrow(/written by pid 1 \(/);
    expect(await readdir(dir)).toEqual(['writer.lock']);
  });

  it('refuses a lock file it cannot read, naming it and the fix', async () => {
    const dir = await dirOf();
    await writeFile(lockPath(dir), 'garbage\0\0');
    await expect(lockRunDir(dir, 'redqueen run')).rejects.toThrow(/writer\.lock: not a lock this program wrote; .* delete the file/);
  });

  it('release leaves a lock that is no longer its own', async () => {
    const dir = await dirOf();
    const lock = await lockRunDir(dir, 'redqueen run');
    await writeFile(lockPath(dir), JSON.stringify(holder({ nonce: 'someone-else' })));
    await lock.release();
    expect(await readLock(dir)).toMatchObject({ nonce: 'someone-else' });
  });

  it('temp cleanup sweeps dead writers\' temporaries and takeover markers, not a live contender\'s', async () => {
    const dir = await dirOf();
    const dead = deadPid();
    await writeFile(join(dir, `.checkpoint.json.${dead}.tmp`), 'x');
    await writeFile(join(dir, 'writer.lock.deadbeef.takeover'), 'x');
    await writeFile(join(dir, '.writer.lock.1.tmp'), 'x');
    await removeStaleTemporaries(dir);
    expect(await readdir(dir)).toEqual(['.writer.lock.1.tmp']);
  });
});
