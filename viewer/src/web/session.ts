/**
 * One run in the worker: what `redqueen run` does (core/cli/run-command.ts,
 * core/run/loop.ts) with the files kept in a RunDirectory instead of on disk.
 * The same engine step, the same records and metrics line
 * (core/run/generation-line.ts), the same champions.bin records, so the
 * metrics.jsonl it holds equals the CLI's byte for byte for the same config.
 */
import { parseConfigFile, resolveConfig, type RunConfig } from '../../../core/run/config.ts';
import type { DomainInstance } from '../../../core/domain/domain.ts';
import type { Evaluator } from '../../../core/backends/evaluator-type.ts';
import { initialState, type CoevolutionState } from '../../../core/engine/state.ts';
import { step, type GenerationReport } from '../../../core/engine/step.ts';
import { NO_RECORDS, type RunRecords } from '../../../core/measures/records.ts';
import { bestJson, changedRecordFiles, generationLine, timingsLine } from '../../../core/run/generation-line.ts';
import { encodeRecord } from '../../../core/run/champion-record.ts';
import { serializeCheckpoint } from '../../../core/run/checkpoint-format.ts';
import { UserError } from '../../../core/basics/errors.ts';
import { findDomain, DOMAINS } from '../../../populations/index.ts';
import { RunGate } from '../../../core/stream/gate.ts';
import type { JsonObject } from '../../../core/basics/json.ts';
import { RunDirectory } from './run-directory.ts';
import type { BackendAttemptInfo, StartRequest } from './messages.ts';

export interface PreparedRun {
  readonly config: RunConfig;
  readonly domain: DomainInstance;
  readonly title: string;
}

/** The page's settings -> a resolved config, refused as the CLI refuses a config file (a UserError naming the field). */
export function prepareWebRun(request: StartRequest): PreparedRun {
  const file = parseConfigFile(request.config, 'the page settings');
  const found = findDomain(request.config.domain);
  if (!found) throw new UserError(`unknown domain "${request.config.domain}"; choose one of: ${DOMAINS.map((d) => d.name).join(', ')}`);
  const { config, instance } = resolveConfig(found, [{ source: 'the page settings', config: file }]);
  return { config, domain: instance, title: found.title };
}

const channel = new MessageChannel();

/** Resolves in a new task (a message to itself: no 4 ms clamp, as nested timeouts have), after queued messages. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export interface SessionHooks {
  onGeneration(report: GenerationReport, state: CoevolutionState, records: RunRecords, line: string): void;
}

export class WebRunSession {
  readonly files = new RunDirectory();
  readonly gate: RunGate;
  state: CoevolutionState;
  records: RunRecords = NO_RECORDS;
  private readonly abort = new AbortController();

  constructor(
    readonly run: PreparedRun,
    readonly evaluator: Evaluator,
    private readonly attempts: readonly BackendAttemptInfo[],
    speed: number,
  ) {
    this.gate = new RunGate({ paused: false, speed });
    this.state = initialState(run.domain, run.config);
    this.writeRunJson();
  }

  /** run.json as `redqueen run` writes it (core/cli/job.ts), the browser in place of Node in `versions`. */
  private writeRunJson(): void {
    const { config, title } = this.run;
    const versions = { redqueen: __REDQUEEN_VERSION__, browser: navigator.userAgent, 'gpu.js': __GPUJS_VERSION__ };
    const session: JsonObject = {
      startedAt: new Date().toISOString(),
      fromGeneration: 0,
      backend: this.evaluator.backend,
      attempts: this.attempts.map((a) => ({ ...a })),
      versions,
    };
    this.files.writeJson('run.json', {
      domain: config.domain,
      title,
      seed: config.seed,
      backend: this.evaluator.backend,
      config: config as unknown as JsonObject,
      versions,
      sessions: [session],
    });
  }

  /**
   * The directory as it stands, checkpointed as the CLI checkpoints (best.json
   * and checkpoint.json at the state reached), so `redqueen resume` carries
   * the run on from there.
   */
  directory(): RunDirectory {
    this.files.writeJson('best.json', bestJson(this.run.domain, this.state));
    this.files.writeText('checkpoint.json', serializeCheckpoint({ config: this.run.config, state: this.state, records: this.records }));
    return this.files;
  }

  stop(): void {
    this.abort.abort();
  }

  /** Play to the config's generations (0: until stopped), each generation through the gate (pause, step, pace). */
  async play(hooks: SessionHooks): Promise<void> {
    const { config, domain } = this.run;
    const until = config.generations === 0 ? Number.POSITIVE_INFINITY : config.generations;
    const signal = this.abort.signal;
    while (this.state.generation < until && !signal.aborted) {
      // A generation on wasm or the reference awaits only settled promises: without a real task
      // boundary the worker would never read the page's pause, step or download.
      await nextTask();
      await this.gate.wait(this.state.generation, signal);
      if (signal.aborted) break;
      const state = this.state;
      const { state: next, report } = await step(state, { domain, config, evaluator: this.evaluator });
      const g = report.generation;
      const before = this.records;
      const r0 = performance.now();
      const played = generationLine(domain, before, state, next, report);
      this.records = played.records;
      const recordsMs = performance.now() - r0;
      const line = `${JSON.stringify(played.line)}\n`;
      this.files.append('champions.bin', encodeRecord(g, next.champions.solvers[g]!, next.champions.challengers[g]!));
      this.files.append('metrics.jsonl', line);
      const changed = changedRecordFiles(domain, this.records, before);
      if (changed.bestValid) this.files.writeJson('best-valid.json', changed.bestValid);
      if (changed.bestProbed) this.files.writeJson('best-probed.json', changed.bestProbed);
      this.files.append('timings.jsonl', `${JSON.stringify(timingsLine(report, this.evaluator.backend, recordsMs))}\n`);
      this.state = next;
      hooks.onGeneration(report, next, this.records, line);
    }
  }
}
