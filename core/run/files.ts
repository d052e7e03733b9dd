/**
 * Crash-safe file writes. A file is written whole to a temporary sibling,
 * flushed to disk, then renamed over the target, so a reader (or a resume
 * after SIGKILL) sees either the old file or the new one, never half of one.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { UserError } from '../basics/errors.ts';
import { jsonProblem } from '../basics/excerpt.ts';
import { asFault } from './fs-errors.ts';
import { dirname, basename, join } from 'node:path';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    // A full disk or a failed rename must not leave the temporary behind.
    await rm(tmp, { force: true }).catch(() => {});
    throw asFault(e, 'write', path);
  }
  await syncDirectory(dirname(path));
}

/** Make a rename durable: fsync the directory entry (a no-op where unsupported). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  }
}

/**
 * JSON for humans: objects indented, arrays of numbers and short arrays of
 * arrays (comparator lists) kept on one line each.
 */
export function formatJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    if (value.every((v) => Array.isArray(v) && v.every((x) => typeof x !== 'object'))) {
      return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    }
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, `${formatJson(value)}\n`);
}

/**
 * Read and parse a JSON file the user named; errors name the flag and the
 * file: "--config run.json: not valid JSON (...)".
 */
export async function readJsonFile(path: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`${flag} ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${flag} ${path}: ${jsonProblem(text, e)}`);
  }
}
