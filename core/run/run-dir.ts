/**
 * The files of a run directory:
 *   run.json        config, seed, backend that ran, versions, sessions
 *   metrics.jsonl   one deterministic JSON object per generation
 *   timings.jsonl   wall-clock per generation (not deterministic)
 *   checkpoint.json state after the last checkpointed generation
 *   champions.bin   every generation's champions (append-only, checksummed)
 *   best.json       the latest champions in the domain's human format
 *   best-valid.json the best valid solver seen so far (domains with a record hook)
 *   best-probed.json the best probed solver seen so far (domains with a probe)
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readCheckpoint } from './checkpoint.ts';
import { readChampions } from './champions-log.ts';
import { UserError } from '../basics/errors.ts';
import { writeFileAtomic } from './files.ts';
import { TAKEOVER_MARKER } from './lock.ts';
import type { CoevolutionState } from '../engine/state.ts';
import type { RunRecords } from '../measures/records.ts';

export interface RunPaths {
  readonly dir: string;
  readonly runJson: string;
  readonly metrics: string;
  readonly timings: string;
  readonly checkpoint: string;
  readonly champions: string;
  readonly best: string;
  readonly bestValid: string;
  readonly bestProbed: string;
}

export function runPaths(dir: string): RunPaths {
  return {
    dir,
    runJson: join(dir, 'run.json'),
    metrics: join(dir, 'metrics.jsonl'),
    timings: join(dir, 'timings.jsonl'),
    checkpoint: join(dir, 'checkpoint.json'),
    champions: join(dir, 'champions.bin'),
    best: join(dir, 'best.json'),
    bestValid: join(dir, 'best-valid.json'),
    bestProbed: join(dir, 'best-probed.json'),
  };
}

/**
 * Parse JSON lines, keeping only complete objects whose "generation" field runs
 * 0, 1, 2, ... in order; stops at the first line that breaks that (a torn last
 * line after a crash, say).
 */
export function parseGenerationLines(text: string): Array<{ line: string; value: { generation: number } }> {
  const out: Array<{ line: string; value: { generation: number } }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A line with no newline after it may be torn, even if it parses.
    if (i === lines.length - 1) break;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      break;
    }
    if (typeof value !== 'object' || value === null || (value as { generation?: unknown }).generation !== out.length) break;
    out.push({ line, value: value as { generation: number } });
  }
  return out;
}

/**
 * Cut a JSONL log back to generations 0 .. generation-1, rewriting it
 * atomically; generations the checkpoint does not cover are replayed.
 */
export async function truncateLog(path: string, generation: number, required: boolean): Promise<void> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (required) throw new UserError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? e}); the run directory is incomplete`);
  }
  const kept = parseGenerationLines(text).slice(0, generation);
  if (required && kept.length < generation) {
    throw new UserError(
      `${path}: holds ${kept.length} complete generations but the checkpoint is at ${generation}; the log was cut short or edited`,
    );
  }
  await writeFileAtomic(path, kept.map((k) => `${k.line}\n`).join(''));
}

/** The state a run directory's checkpoint describes, champion history included. */
export async function loadCheckpoint(
  paths: RunPaths,
): Promise<{ config: Record<string, unknown>; state: CoevolutionState; records: RunRecords }> {
  const stored = await readCheckpoint(paths.checkpoint);
  const { state } = stored;
  const champions = await readChampions(paths.champions, stored.champions, state.solvers.length, state.challengers.length);
  return { config: stored.config, state: { ...state, champions }, records: stored.records };
}

/**
 * Temporary files left by writes that a kill interrupted (see files.ts), and
 * markers of lock takeovers that a kill interrupted (see lock.ts). Called by
 * the lock's holder; a temporary of another live process (a contender's lock
 * candidate) is left to it.
 */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const tmp = /^\..+\.(\d+)\.tmp$/.exec(name);
    if ((tmp && !otherLiveProcess(Number(tmp[1]))) || TAKEOVER_MARKER.test(name)) await rm(join(dir, name), { force: true });
  }
}

function otherLiveProcess(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
