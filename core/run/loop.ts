/**
 * The run loop: step generations, append metrics, checkpoint, and stop
 * cleanly when asked (after the generation in flight, with every file
 * written). The loop knows nothing of terminals or sockets; the CLI and the
 * stream server attach through hooks.
 */
import type { RunConfig } from './config.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { Evaluator } from '../backends/evaluator.ts';
import { writeCheckpoint } from './checkpoint.ts';
import { encodeRecord } from './champions-log.ts';
import { writeJsonAtomic } from './files.ts';
import { openLog, type LogFile } from './log-file.ts';
import type { JsonObject } from '../basics/json.ts';
import { runPaths, type RunPaths } from './run-dir.ts';
import type { CoevolutionState } from '../engine/state.ts';
import { step, type GenerationReport } from '../engine/step.ts';
import { NO_RECORDS, type RunRecords } from '../measures/records.ts';
import { bestJson, generationLine, timingsLine } from './generation-line.ts';
import { resetRecordFiles, writeRecordFiles } from './record-files.ts';

/** What a session of a run is playing, for observers that attach through hooks. */
export interface RunSession {
  readonly dir: string;
  readonly config: RunConfig;
  readonly domain: DomainInstance;
  /** The backend that runs the kernels. */
  readonly backend: string;
  /** The state the session starts from (generation > 0 after a resume). */
  readonly state: CoevolutionState;
  readonly until: number;
}

export interface RunHooks {
  /** Awaited once before the first generation of a session: what is about to run. */
  onStart?(session: RunSession): Promise<void> | void;
  /** Awaited before each generation: where a viewer's pause or step holds the run. */
  beforeGeneration?(generation: number, signal: AbortSignal): Promise<void> | void;
  /** After each generation's files are appended; `records` are the run's best-so-far records after it. */
  onGeneration?(report: GenerationReport, state: CoevolutionState, records?: RunRecords): void;
  /** After each checkpoint is on disk. */
  onCheckpoint?(state: CoevolutionState): void;
  /** Something the user should know that is not a metric (a backend failover, say). */
  onNotice?(notice: RunNotice): void;
}

export interface RunNotice {
  readonly kind: 'backend-fallback';
  readonly generation: number;
  readonly message: string;
}

export interface JobOptions {
  readonly dir: string;
  readonly config: RunConfig;
  readonly domain: DomainInstance;
  readonly evaluator: Evaluator;
  readonly state: CoevolutionState;
  /** The records the checkpoint holds (none for a new run). */
  readonly records?: RunRecords;
  /** Play until state.generation reaches this. */
  readonly until: number;
  readonly hooks?: RunHooks;
  /** Abort to stop after the generation in flight. */
  readonly signal?: AbortSignal;
}

export interface JobResult {
  readonly state: CoevolutionState;
  readonly records: RunRecords;
  /** True when stopped by the signal before `until`. */
  readonly stopped: boolean;
}

export { bestJson } from './generation-line.ts';

async function saveCheckpoint(
  paths: RunPaths,
  opts: JobOptions,
  state: CoevolutionState,
  records: RunRecords,
  logs: LogFile[],
): Promise<void> {
  // Logs first: a checkpoint must never be ahead of the metrics it implies.
  for (const log of logs) await log.sync();
  await writeCheckpoint(paths.checkpoint, { config: opts.config, state, records });
  await writeJsonAtomic(paths.best, bestJson(opts.domain, state));
  opts.hooks?.onCheckpoint?.(state);
}

export async function runJob(opts: JobOptions): Promise<JobResult> {
  const paths = runPaths(opts.dir);
  const { config, domain, evaluator, hooks } = opts;
  const signal = opts.signal ?? new AbortController().signal;
  const metrics = await openLog(paths.metrics);
  const timings = await openLog(paths.timings);
  const championsLog = await openLog(paths.champions);
  const logs = [championsLog, metrics, timings];
  let state = opts.state;
  let records = opts.records ?? NO_RECORDS;
  let saved = state.generation;
  try {
    // The record files as of the checkpoint: a killed session may have left later ones.
    await resetRecordFiles(paths, domain, records);
    await hooks?.onStart?.({ dir: opts.dir, config, domain, backend: evaluator.backend, state, until: opts.until });
    while (state.generation < opts.until && !signal.aborted) {
      await hooks?.beforeGeneration?.(state.generation, signal);
      if (signal.aborted) break;
      const { state: next, report } = await step(state, { domain, config, evaluator });
      const g = report.generation;
      const before = records;
      const r0 = performance.now();
      const played = generationLine(domain, records, state, next, report);
      records = played.records;
      const { row, line } = played;
      // Host-side, outside the step's own timings: recorded beside them in timings.jsonl.
      const recordsMs = performance.now() - r0;
      await championsLog.append(encodeRecord(g, next.champions.solvers[g]!, next.champions.challengers[g]!));
      await metrics.append(`${JSON.stringify(line)}\n`);
      await writeRecordFiles(paths, domain, records, before);
      await timings.append(`${JSON.stringify(timingsLine(report, evaluator.backend, recordsMs))}\n`);
      state = next;
      hooks?.onGeneration?.(row ? { ...report, metrics: line } : report, state, records);
      if (state.generation % config.checkpointEvery === 0 || state.generation === opts.until) {
        await saveCheckpoint(paths, opts, state, records, logs);
        saved = state.generation;
      }
    }
    if (saved !== state.generation) await saveCheckpoint(paths, opts, state, records, logs);
  } finally {
    for (const log of logs) await log.close();
  }
  return { state, records, stopped: state.generation < opts.until };
}
