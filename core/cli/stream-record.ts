/**
 * The stream flags a run was started with, kept in run.json ("stream") so a
 * resume serves the viewer as the run did and the printed resume line carries
 * them. The token itself is never written: run.json records only that one was
 * required, and a resume without --token then makes a new one and prints it
 * (the viewer stays closed to anyone without it).
 */
import { readFile } from 'node:fs/promises';
import type { JsonObject } from '../basics/json.ts';
import { runPaths } from '../run/run-dir.ts';
import { newToken } from '../stream/access.ts';
import { streamSettings, type StreamFlags } from './stream-flags.ts';

/** What run.json keeps of the stream flags given (validated; null when the run does not stream). */
export function streamRecord(flags: StreamFlags): JsonObject | null {
  const settings = streamSettings(flags);
  if (!settings) return null;
  return {
    port: settings.port,
    ...(flags.host !== undefined ? { host: settings.host } : {}),
    ...(flags.speed !== undefined ? { speed: settings.speed } : {}),
    ...(settings.allowedHosts.length ? { allowedHosts: [...settings.allowedHosts] } : {}),
    ...(settings.token !== undefined ? { token: true } : {}),
  };
}

/** The flags that reproduce a record, for the resume line (the token excepted). */
export function streamArgs(record: JsonObject | null): string[] {
  if (!record) return [];
  const args = ['--port', String(record.port)];
  if (typeof record.host === 'string') args.push('--host', record.host);
  if (typeof record.speed === 'number') args.push('--speed', String(record.speed));
  for (const h of Array.isArray(record.allowedHosts) ? record.allowedHosts : []) args.push('--allowed-host', String(h));
  return args;
}

/** A shell word: as it is when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that continues the run in `dir`, as it runs from the directory the run was started in. */
export function resumeLine(dir: string, record: JsonObject | null): string {
  const line = ['npx', 'redqueen', 'resume', dir, ...streamArgs(record)].map(shellWord).join(' ');
  return record?.token === true ? `${line}  (add --token T to keep the run's token; without it a new one is made and printed)` : line;
}

/**
 * A resume's stream flags: those given on its command line, the rest from
 * the run's record. --no-stream (stream: false) drops the record.
 */
export async function resumeStreamFlags(dir: string, flags: StreamFlags & { stream?: boolean }): Promise<StreamFlags> {
  const given: StreamFlags = {
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.token !== undefined ? { token: flags.token } : {}),
    ...(flags.speed !== undefined ? { speed: flags.speed } : {}),
    ...(flags.allowedHost !== undefined ? { allowedHost: flags.allowedHost } : {}),
  };
  if (flags.stream === false) return given;
  let record: JsonObject | null = null;
  try {
    const run = JSON.parse(await readFile(runPaths(dir).runJson, 'utf8')) as { stream?: unknown } | null;
    if (run && typeof run.stream === 'object' && run.stream !== null && !Array.isArray(run.stream)) record = run.stream as JsonObject;
  } catch {
    record = null; // a run.json that is missing or unreadable just has no stream to restore
  }
  if (!record || typeof record.port !== 'number') return given;
  const hosts = Array.isArray(record.allowedHosts) ? record.allowedHosts.map(String) : undefined;
  return {
    port: given.port ?? String(record.port),
    ...(given.host !== undefined ? { host: given.host } : typeof record.host === 'string' ? { host: record.host } : {}),
    ...(given.speed !== undefined ? { speed: given.speed } : typeof record.speed === 'number' ? { speed: String(record.speed) } : {}),
    ...(given.allowedHost !== undefined ? { allowedHost: given.allowedHost } : hosts ? { allowedHost: hosts } : {}),
    // The token is not stored: a run that required one gets a fresh one.
    ...(given.token !== undefined ? { token: given.token } : record.token === true ? { token: newToken() } : {}),
  };
}
