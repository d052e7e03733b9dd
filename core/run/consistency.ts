/**
 * Do a run directory's files agree? `analyze` and `serve` read without the
 * lock, so they check what they read instead. What one writer leaves, even
 * when killed at any moment, is:
 *   - metrics.jsonl: lines for generations 0, 1, ..., n-1 in order, then at
 *     most a torn piece without its newline;
 *   - champions.bin: records 0, 1, ..., k-1 in order, each with a good CRC,
 *     then at most a torn record; k is n or n+1 (champions are appended
 *     first), more only while a writer is at work (it appends as we read);
 *   - checkpoint.json at a generation no later than n.
 * Anything else (lines out of order or repeated, a record out of place, fewer
 * champions than metrics) means two writers at once or an edited file.
 */
import { crc32 } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { recordBytes } from './champions-log.ts';
import { readCheckpoint } from './checkpoint.ts';
import { liveWriter } from './lock.ts';
import { runPaths } from './run-dir.ts';

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** How many metrics lines are in order; the first line that breaks the order, if a complete one does. */
export function metricsOrder(text: string): { count: number; problem: string | null } {
  const lines = text.split('\n');
  lines.pop(); // after the last newline: a torn piece, or nothing
  for (let i = 0; i < lines.length; i++) {
    let g: unknown;
    try {
      g = (JSON.parse(lines[i]!) as { generation?: unknown } | null)?.generation;
    } catch {
      return { count: i, problem: `line ${i + 1} is not a JSON object` };
    }
    if (g !== i) return { count: i, problem: `line ${i + 1} is generation ${JSON.stringify(g) ?? 'none'}, expected ${i}` };
  }
  return { count: lines.length, problem: null };
}

/** How many champion records are whole and in order; the first that is out of place, if a whole one is. */
export function championsOrder(bytes: Uint8Array, solverLength: number, challengerLength: number): { count: number; problem: string | null } {
  const size = recordBytes(solverLength, challengerLength);
  const whole = Math.floor(bytes.length / size);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let g = 0; g < whole; g++) {
    const base = g * size;
    const at = view.getUint32(base, true);
    if (view.getUint32(base + size - 4, true) !== crc32(bytes.subarray(base, base + size - 4))) {
      return { count: g, problem: `record ${g} fails its checksum` };
    }
    if (at !== g) return { count: g, problem: `record ${g} is generation ${at}` };
  }
  return { count: whole, problem: null };
}

/**
 * Null when the files agree, else one sentence saying where they do not.
 * Metrics are read before champions, so a writer appending meanwhile only
 * adds champions.
 */
export async function checkRunFiles(dir: string, solverLength: number, challengerLength: number): Promise<string | null> {
  const paths = runPaths(dir);
  let checkpoint: number | null = null;
  try {
    checkpoint = (await readCheckpoint(paths.checkpoint)).state.generation;
  } catch {
    checkpoint = null; // a missing or unreadable checkpoint is not this check's business
  }
  const metrics = metricsOrder((await readOrNull(paths.metrics))?.toString('utf8') ?? '');
  if (metrics.problem) return `${paths.metrics}: ${metrics.problem}`;
  const bytes = await readOrNull(paths.champions);
  // No champions.bin at all: a directory copied for viewing only; analyze says so itself when it needs them.
  const champions = bytes ? championsOrder(bytes, solverLength, challengerLength) : { count: metrics.count, problem: null };
  if (champions.problem) return `${paths.champions}: ${champions.problem}`;
  if (champions.count < metrics.count) {
    return `${paths.champions} holds ${champions.count} champions but ${paths.metrics} ${metrics.count} generations`;
  }
  if (champions.count > metrics.count + 1 && (await liveWriter(dir)) === null) {
    return `${paths.champions} holds ${champions.count} champions but ${paths.metrics} only ${metrics.count} generations`;
  }
  if (checkpoint !== null && checkpoint > metrics.count) {
    return `${paths.checkpoint} is at generation ${checkpoint} but ${paths.metrics} holds ${metrics.count} generations`;
  }
  return null;
}

/** The refusal analyze and serve print for a directory whose files disagree. */
export function disagreement(dir: string, problem: string): string {
  return `${dir}: the run's files disagree (${problem}); two processes may have written it at once, or a file was edited: restore the directory from a copy or start a new run`;
}
