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
import { formatJson } from './format-json.ts';

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

export { formatJson } from './format-json.ts';

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
