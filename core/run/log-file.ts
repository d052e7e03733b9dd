/**
 * An append-only log of a run directory (metrics.jsonl, timings.jsonl,
 * champions.bin) whose failures name the file: a FileHandle's own errors
 * carry no path, and a full disk should say which file it stopped.
 */
import { open } from 'node:fs/promises';
import { guard } from './fs-errors.ts';

export interface LogFile {
  readonly path: string;
  append(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export async function openLog(path: string): Promise<LogFile> {
  const handle = await guard('open', path, () => open(path, 'a'));
  return {
    path,
    append: (data) => guard('append to', path, () => handle.appendFile(data)),
    sync: () => guard('flush', path, () => handle.sync()),
    close: () => guard('close', path, () => handle.close()),
  };
}
