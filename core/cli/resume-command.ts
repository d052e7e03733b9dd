/**
 * `redqueen resume DIR`: reload the checkpoint, cut the logs back to it, and
 * continue. Streams are derived from (seed, generation), so the continuation
 * is bit-identical to a run that was never stopped.
 */
import { truncateChampions } from '../run/champions-log.ts';
import { parseConfigFile, resolveConfig } from '../run/config.ts';
import { UserError } from '../basics/errors.ts';
import { findDomain } from '../../populations/index.ts';
import { loadCheckpoint, removeStaleTemporaries, runPaths, truncateLog } from '../run/run-dir.ts';
import type { RunHooks } from '../run/loop.ts';
import { intFlag } from '../basics/flags.ts';
import { natsSetup, playJob } from './job.ts';
import { stat } from 'node:fs/promises';
import type { JsonObject } from '../basics/json.ts';
import { lockRunDir } from '../run/lock.ts';
import { withFaultAdvice } from './faults.ts';
import { withLiveStream, type StreamFlags } from './stream-flags.ts';
import { resumeStreamFlags, streamRecord } from './stream-record.ts';

export interface ResumeFlags extends StreamFlags {
  readonly generations?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly nats?: string;
  readonly tileRows?: string;
  /** False with --no-stream: do not serve the viewer the run was started with. */
  readonly stream?: boolean;
}

/**
 * The whole `resume` command: hold the directory's lock (a second writer is
 * refused, exit 2), serve the viewer as the run did unless told otherwise,
 * and play on.
 */
export async function resumeAction(dir: string, flags: ResumeFlags): Promise<number> {
  const paths = runPaths(dir);
  // Before the lock: a directory without a checkpoint is no run (and may be one that `run` is creating).
  const found = await stat(dir).catch(() => null);
  if (!found?.isDirectory()) throw new UserError(`${dir}: no such directory; give the directory of a run (made by redqueen run --out DIR)`);
  if ((await stat(paths.checkpoint).catch(() => null)) === null) {
    throw new UserError(`${paths.checkpoint}: cannot read the checkpoint (ENOENT); nothing to resume: give the directory of a run (made by redqueen run --out DIR)`);
  }
  const streamFlags = await resumeStreamFlags(dir, flags);
  const stream = streamRecord(streamFlags);
  return withFaultAdvice(dir, stream, async () => {
    const lock = await lockRunDir(dir, 'redqueen resume');
    try {
      return await withLiveStream(streamFlags, (hooks) => resumeCommand(dir, flags, hooks, stream));
    } finally {
      await lock.release();
    }
  });
}

/** Continue the run in `dir`; the caller holds its lock. */
export async function resumeCommand(
  dir: string,
  flags: { generations?: string; quiet?: boolean; verbose?: boolean; nats?: string; tileRows?: string },
  hooks?: RunHooks,
  stream: JsonObject | null = null,
): Promise<number> {
  const paths = runPaths(dir);
  const nats = await natsSetup(flags);
  const checkpoint = await loadCheckpoint(paths);
  const stored = parseConfigFile(checkpoint.config, `${paths.checkpoint} (config)`);
  const domain = findDomain(stored.domain ?? '');
  if (!domain) throw new UserError(`${paths.checkpoint}: unknown domain "${stored.domain}"`);
  const generations = intFlag('generations', flags.generations, 0, 100_000_000) ?? stored.generations;
  const { config, instance } = resolveConfig(domain, [
    { source: paths.checkpoint, config: { ...stored, generations } },
  ]);
  const { state } = checkpoint;
  if (state.solvers.length !== instance.solver.length || state.challengers.length !== instance.challenger.length) {
    throw new UserError(`${paths.checkpoint}: genome lengths do not match the ${domain.name} options it records`);
  }
  if (config.generations !== 0 && config.generations < state.generation) {
    throw new UserError(`--generations ${config.generations} is below the checkpoint's generation ${state.generation}`);
  }
  await removeStaleTemporaries(dir);
  await truncateLog(paths.metrics, state.generation, true);
  await truncateLog(paths.timings, state.generation, false);
  await truncateChampions(paths.champions, state.generation, state.solvers.length, state.challengers.length);
  return playJob({
    dir,
    title: domain.title,
    config,
    domain: instance,
    state,
    records: checkpoint.records,
    quiet: flags.quiet === true,
    verbose: flags.verbose === true,
    stream,
    ...nats,
    ...(hooks ? { hooks } : {}),
  });
}
