/**
 * What `run` and `resume` share once a config and a state are in hand: open
 * the backend, record the session in run.json, play with a progress line,
 * stop cleanly on Ctrl-C (SIGINT) or SIGTERM after the generation in flight.
 */
import { readFile } from 'node:fs/promises';
import type { RunConfig } from '../run/config.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { selectEvaluator, type BackendAttempt, type BatchShape } from '../backends/evaluator.ts';
import { backendLines, gamesPerBatch } from './backend-line.ts';
import { withFallback } from '../backends/fallback.ts';
import { writeJsonAtomic } from '../run/files.ts';
import type { JsonObject } from '../basics/json.ts';
import { runPaths } from '../run/run-dir.ts';
import { runJob, type RunHooks } from '../run/loop.ts';
import type { CoevolutionState } from '../engine/state.ts';
import { REMEDIES, settingsOf } from '../remedies/index.ts';
import type { RunRecords } from '../measures/records.ts';
import { versions } from '../run/versions.ts';
import { openFramesLog, type FramesLog } from '../stream/frames-log.ts';
import { createProgress } from './progress.ts';
import { resumeLine } from './stream-record.ts';
import { natsEvaluator, probeNats } from '../distributed/nats-evaluator.ts';
import { UserError } from '../basics/errors.ts';
import { intFlag } from '../basics/flags.ts';

export interface JobSetup {
  readonly dir: string;
  readonly title: string;
  readonly config: RunConfig;
  readonly domain: DomainInstance;
  readonly state: CoevolutionState;
  /** The checkpoint's records (none for a new run). */
  readonly records?: RunRecords;
  readonly quiet: boolean;
  /** List every backend tried at start, not just the one chosen. */
  readonly verbose?: boolean;
  /** Extra hooks (the stream server attaches here). */
  readonly hooks?: RunHooks;
  /** The stream flags to keep in run.json and carry in the resume line (stream-record.ts); null when not streaming. */
  readonly stream?: JsonObject | null;
  /** Evaluate on `redqueen worker` processes through this NATS server instead of in this process. */
  readonly nats?: { readonly url: string; readonly tileRows?: number | undefined };
}

function attemptsJson(attempts: readonly BackendAttempt[], shape: BatchShape): JsonObject[] {
  return attempts.map((a) => ({
    backend: a.backend,
    ok: a.ok,
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.seconds !== undefined ? { secondsPerBatch: a.seconds, gamesPerSecond: Math.round(gamesPerBatch(shape) / a.seconds) } : {}),
    ...(a.detail ? { detail: a.detail } : {}),
  }));
}

/** Record this session in run.json (created on the first session). */
async function recordSession(
  setup: JobSetup,
  backend: string,
  attempts: readonly BackendAttempt[],
  shape: BatchShape,
  switches: readonly JsonObject[] = [],
): Promise<void> {
  const path = runPaths(setup.dir).runJson;
  let previous: JsonObject | null = null;
  try {
    previous = JSON.parse(await readFile(path, 'utf8')) as JsonObject;
  } catch {
    previous = null;
  }
  const session: JsonObject = {
    startedAt: new Date().toISOString(),
    fromGeneration: setup.state.generation,
    backend,
    attempts: attemptsJson(attempts, shape),
    batch: { ...shape },
    ...(switches.length ? { fallbacks: [...switches] } : {}),
    versions: versions(),
  };
  const all = Array.isArray(previous?.sessions) ? previous.sessions : [];
  // A failover rewrites this session's entry rather than adding one.
  const sessions = switches.length ? all.slice(0, -1) : all;
  await writeJsonAtomic(path, {
    domain: setup.config.domain,
    title: setup.title,
    seed: setup.config.seed,
    backend,
    config: setup.config as unknown as JsonObject,
    ...(setup.stream ? { stream: setup.stream } : {}),
    versions: versions(),
    sessions: [...sessions, session],
  });
}

/** The --nats and --tile-rows flags as a JobSetup field, the server checked (so a bad URL creates nothing). */
export async function natsSetup(flags: { nats?: string | undefined; tileRows?: string | undefined }): Promise<Pick<JobSetup, 'nats'>> {
  if (flags.tileRows !== undefined && !flags.nats) throw new UserError('--tile-rows only applies with --nats <url>; add --nats or drop --tile-rows');
  if (!flags.nats) return {};
  const tileRows = intFlag('tile-rows', flags.tileRows, 1, 65_536);
  await probeNats(flags.nats);
  return { nats: { url: flags.nats, tileRows } };
}

/** Most extra solver opponents the remedies add in a generation. */
function extraSolvers(config: RunConfig): number {
  return REMEDIES.reduce((n, r) => n + (r.extraOpponents?.(settingsOf(config, r)).solvers ?? 0), 0);
}

export async function playJob(setup: JobSetup): Promise<number> {
  const { config, domain } = setup;
  // With --nats the workers choose their own backends; results are the same either way.
  const shape: BatchShape = {
    // The main batch's rows: current solvers, sampled past champions, the remedies' extra solvers.
    rows: config.solvers + config.hallOfFame.sample + extraSolvers(config),
    cols: config.challengers,
    width: config.evaluation.mode === 'round-robin' ? config.challengers : config.evaluation.opponents,
  };
  const selected = setup.nats
    ? { evaluator: await natsEvaluator(domain, { url: setup.nats.url, ...(setup.nats.tileRows ? { tileRows: setup.nats.tileRows } : {}) }), attempts: [], fallbacks: [] }
    : await selectEvaluator(domain, config.backend, shape);
  const { attempts } = selected;
  let generation = setup.state.generation;
  const switches: JsonObject[] = [];
  let recording = Promise.resolve();
  // A distributed run is not failed over to this process: its workers fail over on their own machines.
  const evaluator = setup.nats ? selected.evaluator : withFallback(domain, selected.evaluator, selected.fallbacks, (s) => {
    const message = `backend ${s.from} failed at generation ${generation} (${s.reason}); continuing on ${s.to}, results unchanged`;
    process.stderr.write(`\nredqueen: ${message}\n`);
    switches.push({ generation, from: s.from, to: s.to, reason: s.reason });
    recording = recording.then(() => recordSession(setup, s.to, attempts, shape, switches)).catch(() => {});
    setup.hooks?.onNotice?.({ kind: 'backend-fallback', generation, message });
  });
  const controller = new AbortController();
  const resume = resumeLine(setup.dir, setup.stream ?? null);
  let interrupts = 0;
  // The shell's convention: 128 + the signal's number (SIGINT 2, SIGTERM 15).
  let stopCode = 130;
  const onSignal = (name: string, code: number) => {
    interrupts++;
    stopCode = code;
    if (interrupts > 1) {
      process.stderr.write(`\n${name} again: exiting now; resume from the last checkpoint with: ${resume}\n`);
      process.exit(code);
    }
    // Only a person at a terminal presses again; a service manager's SIGTERM gets no such advice.
    process.stderr.write(`\n${name}: stopping after the current generation${code === 130 ? ' (press Ctrl-C again to exit at once)' : ''}\n`);
    controller.abort();
  };
  const sigint = () => onSignal('interrupt', 130);
  const sigterm = () => onSignal('terminate', 143);
  process.on('SIGINT', sigint);
  process.on('SIGTERM', sigterm);
  // --generations 0: play until stopped (Ctrl-C or SIGTERM checkpoint and stop as always).
  const until = config.generations === 0 ? Number.POSITIVE_INFINITY : config.generations;
  const progress = createProgress({
    start: setup.state.generation,
    total: until,
    backend: evaluator.backend,
    quiet: setup.quiet,
  });
  const started = performance.now();
  let frames: FramesLog | undefined;
  try {
    // frames.jsonl: the pictures `redqueen serve DIR` replays (core/stream/frames-log.ts).
    frames = await openFramesLog(setup.dir, domain, setup.state.generation, until - 1);
    const framesLog = frames;
    await recordSession(setup, evaluator.backend, attempts, shape);
    if (!setup.quiet) {
      const lines = backendLines({ title: setup.title, backend: evaluator.backend, attempts, shape, dir: setup.dir, verbose: setup.verbose === true });
      process.stderr.write(`${lines.join('\n')}\n`);
    }
    const result = await runJob({
      dir: setup.dir,
      config,
      domain,
      evaluator,
      state: setup.state,
      ...(setup.records ? { records: setup.records } : {}),
      until,
      signal: controller.signal,
      hooks: {
        ...setup.hooks,
        beforeGeneration(g, signal) {
          generation = g;
          return setup.hooks?.beforeGeneration?.(g, signal);
        },
        onGeneration(report, state, records) {
          const summary = domain.summarize ? domain.summarize(state.champions.solvers[report.generation]!) : '';
          progress.update(report, summary);
          framesLog.append(report, state, records);
          setup.hooks?.onGeneration?.(report, state, records);
        },
      },
    });
    progress.stop();
    await recording;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.stopped) {
      process.stderr.write(
        `stopped at generation ${result.state.generation} after ${seconds} s; continue with: ${resume}\n`,
      );
      return stopCode;
    }
    if (!setup.quiet) {
      process.stderr.write(`done: ${result.state.generation} generations in ${seconds} s; results in ${setup.dir}\n`);
    }
    return 0;
  } finally {
    frames?.close();
    progress.stop();
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
    await evaluator.destroy();
  }
}
