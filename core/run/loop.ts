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
  /** After each generation's files are appended. */
  onGeneration?(report: GenerationReport, state: CoevolutionState): void;
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
  /** Play until state.generation reaches this. */
  readonly until: number;
  readonly hooks?: RunHooks;
  /** Abort to stop after the generation in flight. */
  readonly signal?: AbortSignal;
}

export interface JobResult {
  readonly state: CoevolutionState;
  /** True when stopped by the signal before `until`. */
  readonly stopped: boolean;
}

/** The latest champions in the domain's human format. */
export function bestJson(domain: DomainInstance, state: CoevolutionState): JsonObject {
  const g = state.champions.solvers.length - 1;
  if (g < 0) return { generation: null, solver: null, challenger: null };
  const solver = state.champions.solvers[g]!;
  const challenger = state.champions.challengers[g]!;
  const probe = domain.probe?.({
    solver,
    challenger,
    solvers: state.solvers,
    challengers: state.challengers,
    generation: g,
    seed: 'best',
  });
  return {
    generation: g,
    solver: domain.solver.encode(solver),
    challenger: domain.challenger.encode(challenger),
    ...(domain.summarize ? { summary: domain.summarize(solver) } : {}),
    ...(probe ? { probe: { label: probe.label, score: probe.score, ...probe.details } } : {}),
  };
}

async function saveCheckpoint(paths: RunPaths, opts: JobOptions, state: CoevolutionState, logs: LogFile[]): Promise<void> {
  // Logs first: a checkpoint must never be ahead of the metrics it implies.
  for (const log of logs) await log.sync();
  await writeCheckpoint(paths.checkpoint, { config: opts.config, state });
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
  let saved = state.generation;
  try {
    await hooks?.onStart?.({ dir: opts.dir, config, domain, backend: evaluator.backend, state, until: opts.until });
    while (state.generation < opts.until && !signal.aborted) {
      await hooks?.beforeGeneration?.(state.generation, signal);
      if (signal.aborted) break;
      const { state: next, report } = await step(state, { domain, config, evaluator });
      const g = report.generation;
      await championsLog.append(encodeRecord(g, next.champions.solvers[g]!, next.champions.challengers[g]!));
      await metrics.append(`${JSON.stringify(report.metrics)}\n`);
      const t = report.timings;
      const seconds = (t.evaluation + t.metrics + t.variation) / 1000;
      await timings.append(
        `${JSON.stringify({
          generation: report.generation,
          backend: evaluator.backend,
          pairs: report.games.pairs,
          interactionsPerSec: report.games.pairs / Math.max(t.evaluation / 1000, 1e-9),
          seconds,
          ...t,
        })}\n`,
      );
      state = next;
      hooks?.onGeneration?.(report, state);
      if (state.generation % config.checkpointEvery === 0 || state.generation === opts.until) {
        await saveCheckpoint(paths, opts, state, logs);
        saved = state.generation;
      }
    }
    if (saved !== state.generation) await saveCheckpoint(paths, opts, state, logs);
  } finally {
    for (const log of logs) await log.close();
  }
  return { state, stopped: state.generation < opts.until };
}
