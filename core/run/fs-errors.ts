/**
 * File-system faults as one line. A full disk, a read-only mount or a file
 * where a directory should be is not a bug: the user gets what failed, the
 * path and the reason (exit 3), not a stack trace. Node's errors from a
 * FileHandle carry no path, so every write of a run goes through guard() or
 * guardSync(), which attach the action and the path.
 */
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../basics/errors.ts';

/** The codes a run may meet from its environment, and how to say them. */
const EXPECTED: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'a file is already there',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  ENOENT: 'no such file or directory',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error (the disk or the mount failed)',
  EBUSY: 'the resource is busy',
};

/** A file-system fault with its action and path; the CLI prints the message alone and exits 3. */
export class FileFault extends UserError {
  override readonly name = 'FileFault';
  override readonly exitCode = 3;
  constructor(
    readonly action: string,
    readonly path: string,
    readonly code: string,
    /** Said after the reason, e.g. how to resume. */
    readonly advice = '',
  ) {
    super(`cannot ${action} ${path}: ${EXPECTED[code] ?? code} (${code})${advice ? `; ${advice}` : ''}`);
  }

  /** The same fault with advice (where to resume from) added. */
  withAdvice(advice: string): FileFault {
    return new FileFault(this.action, this.path, this.code, advice);
  }
}

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An expected errno error as a FileFault naming `action` and `path`; anything else unchanged. */
export function asFault(e: unknown, action: string, path: string): unknown {
  if (e instanceof FileFault) return e;
  const code = errnoCode(e);
  return code !== undefined && code in EXPECTED ? new FileFault(action, path, code) : e;
}

/**
 * A raw Node fs error that escaped the guards (it names its syscall and path)
 * as a FileFault; null for anything else. The CLI's last line of defence
 * against a stack trace for an expected fault.
 */
export function rawFault(e: unknown): FileFault | null {
  const err = e as (NodeJS.ErrnoException & { dest?: unknown }) | null;
  const code = errnoCode(e);
  if (e instanceof FileFault || code === undefined || !(code in EXPECTED) || typeof err?.path !== 'string') return null;
  return new FileFault(err.syscall ?? 'use', err.path, code);
}

export async function guard<T>(action: string, path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asFault(e, action, path);
  }
}

export function guardSync<T>(action: string, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asFault(e, action, path);
  }
}

/**
 * mkdir -p with the real reason on failure: Node's recursive mkdir reports
 * ENOENT on a read-only mount, so the nearest existing ancestor is asked
 * whether it can be written. Returns the first directory it created, if any.
 */
export async function makeDirectory(dir: string, what: string): Promise<string | undefined> {
  try {
    const existing = await stat(dir).catch(() => null);
    if (existing && !existing.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    return await mkdir(dir, { recursive: true });
  } catch (e) {
    let code = errnoCode(e);
    let at = resolve(dir);
    if (code === 'ENOENT') {
      while ((await stat(at).catch(() => null)) === null && dirname(at) !== at) at = dirname(at);
      const writable = await access(at, constants.W_OK).then(
        () => null,
        (a: unknown) => errnoCode(a) ?? null,
      );
      if (writable) code = writable;
    }
    throw asFault(Object.assign(new Error(String(e)), { code }), `create ${what}`, dir);
  }
}
