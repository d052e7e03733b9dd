/**
 * One writer per run directory. `run` and `resume` hold DIR/writer.lock for
 * their whole life; a second writer is refused with the holder's pid.
 *
 * The lock is a file created atomically with its content (written to a
 * temporary, then hard-linked to writer.lock: link fails if the name exists),
 * holding the owner's pid, host, process start time and a random nonce.
 * Liveness is asked of the kernel (kill(pid, 0), and the start time in
 * /proc so a recycled pid is not mistaken for the owner), not inferred from
 * a heartbeat: a generation may keep the event loop busy for minutes, which
 * would make a timestamp-refreshed lock (proper-lockfile's) look stale while
 * its owner is alive.
 *
 * A stale lock (its owner died: SIGKILL, a crash, a power cut) is taken over:
 * the first contender to create writer.lock.<nonce>.takeover (O_EXCL) for
 * that particular lock removes it, after checking the nonce is still the one
 * it judged dead; the others retry. So a live owner's lock is never removed.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../basics/errors.ts';
import { asFault, errnoCode } from './fs-errors.ts';

export const LOCK_FILE = 'writer.lock';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a recycled pid. */
  readonly started: string | null;
  readonly command: string;
  readonly since: string;
  readonly nonce: string;
}

export interface RunLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Remove the lock if it is still ours. */
  release(): Promise<void>;
}

export function lockPath(dir: string): string {
  return join(dir, LOCK_FILE);
}

/** Fields 3 (state) and 22 (start time) of /proc/PID/stat; null where there is no /proc. */
function procStat(pid: number): { state: string; started: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', started: fields[19] ?? '?' };
  } catch {
    return null;
  }
}

/** When the process started (clock ticks since boot); null where there is no /proc. */
export function processStartTime(pid: number): string | null {
  return procStat(pid)?.started ?? null;
}

/** Is the process that wrote this lock still running? A lock from another host is assumed alive. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: a process of another user has the pid; it is alive.
    if (errnoCode(e) !== 'EPERM') return false;
  }
  const proc = procStat(holder.pid);
  // A zombie (killed, not yet reaped by its parent) answers kill(pid, 0) but writes nothing more.
  if (proc?.state === 'Z') return false;
  return holder.started === null || proc === null || proc.started === holder.started;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder> | null;
    if (!v || !Number.isSafeInteger(v.pid) || typeof v.host !== 'string' || typeof v.nonce !== 'string') return null;
    return {
      pid: v.pid!,
      host: v.host,
      started: typeof v.started === 'string' ? v.started : null,
      command: typeof v.command === 'string' ? v.command : 'redqueen',
      since: typeof v.since === 'string' ? v.since : '?',
      nonce: v.nonce,
    };
  } catch {
    return null;
  }
}

/** Who holds the directory's lock (alive or not); null when nobody does. */
export async function readLock(dir: string): Promise<LockHolder | null | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockPath(dir), 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw asFault(e, 'read', lockPath(dir));
  }
  return parseHolder(text) ?? 'unreadable';
}

/** The holder of a live lock, if a writer is at work on the directory now. */
export async function liveWriter(dir: string): Promise<LockHolder | null> {
  const holder = await readLock(dir);
  return holder !== null && holder !== 'unreadable' && holderAlive(holder) ? holder : null;
}

function refusal(dir: string, holder: LockHolder): UserError {
  const where = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
  return new UserError(
    `${dir} is being written by ${where} (${holder.command}, since ${holder.since}); only one run or resume may write a run directory: wait for it to end or stop it (kill -INT ${holder.pid})`,
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Remove the stale lock `stale` unless another contender is already doing so. */
async function takeOver(path: string, stale: LockHolder, me: LockHolder): Promise<void> {
  const marker = takeoverPath(path, stale.nonce);
  try {
    await writeFile(marker, JSON.stringify(me), { flag: 'wx' });
  } catch (e) {
    if (errnoCode(e) !== 'EEXIST') throw asFault(e, 'take over the stale lock', path);
    // Another contender is removing this lock; if it died doing so, clear its marker.
    const other = parseHolder(await readFile(marker, 'utf8').catch(() => ''));
    if (other && !holderAlive(other)) await rm(marker, { force: true });
    else await pause(20);
    return;
  }
  try {
    const now = await readFile(path, 'utf8').catch(() => '');
    // Only the lock judged dead is removed: a new lock has another nonce.
    if (parseHolder(now)?.nonce === stale.nonce) await rm(path, { force: true });
  } finally {
    await rm(marker, { force: true });
  }
}

/** The marker a contender creates while it removes the stale lock with this nonce. */
function takeoverPath(path: string, nonce: string): string {
  return `${path}.${nonce.replace(/[^A-Za-z0-9]/g, '')}.takeover`;
}

/** Names of the lock's own leftovers that a holder may sweep (markers of finished takeovers). */
export const TAKEOVER_MARKER = /^writer\.lock\.[A-Za-z0-9]+\.takeover$/;

/**
 * Take the directory's lock, or refuse (exit 2) naming the live holder.
 * `command` says who holds it, for the refusal another writer prints.
 */
export async function lockRunDir(dir: string, command: string): Promise<RunLock> {
  const path = lockPath(dir);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: processStartTime(process.pid),
    command,
    since: new Date().toISOString(),
    nonce: randomBytes(12).toString('hex'),
  };
  const candidate = join(dir, `.${LOCK_FILE}.${process.pid}.tmp`);
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      await writeFile(candidate, `${JSON.stringify(holder)}\n`).catch((e: unknown) => {
        throw asFault(e, 'create the lock', path);
      });
      try {
        await link(candidate, path).catch(async (e: unknown) => {
          // A file system without hard links (FAT, some FUSE mounts): O_EXCL create instead. A reader
          // may then see the lock before its content and refuse as for a foreign lock, which is still a refusal.
          if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errnoCode(e) ?? '')) throw e;
          await writeFile(path, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
        });
      } catch (e) {
        const code = errnoCode(e);
        // ENOENT: the candidate was swept by the holder's temp cleanup, or the directory is gone; retry or fail below.
        if (code === 'ENOENT') continue;
        if (code !== 'EEXIST') throw asFault(e, 'create the lock', path);
        const other = await readLock(dir);
        if (other === null) continue;
        if (other === 'unreadable') {
          throw new UserError(`${path}: not a lock this program wrote; if no redqueen process writes ${dir}, delete the file and retry`);
        }
        if (holderAlive(other)) throw refusal(dir, other);
        await takeOver(path, other, holder);
        continue;
      }
      const ours = releaser(path, holder);
      return { path, holder, release: ours };
    }
  } finally {
    await rm(candidate, { force: true }).catch(() => {});
  }
  throw new UserError(`${path}: could not take the lock (other processes kept taking it over); retry`);
}

function releaser(path: string, holder: LockHolder): () => Promise<void> {
  let released = false;
  // process.exit() (a second Ctrl-C) skips finally blocks: drop the lock on the way out.
  const onExit = () => {
    if (released) return;
    try {
      if (parseHolder(readFileSync(path, 'utf8'))?.nonce === holder.nonce) unlinkSync(path);
    } catch {
      // Nothing to drop, or the disk refuses: a later writer sees a dead pid and takes over.
    }
  };
  process.on('exit', onExit);
  return async () => {
    if (released) return;
    process.off('exit', onExit);
    onExit();
    released = true;
  };
}
