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

export async function resumeCommand(
  dir: string,
  flags: { generations?: string; quiet?: boolean; nats?: string; tileRows?: string },
  hooks?: RunHooks,
): Promise<number> {
  const paths = runPaths(dir);
  const nats = await natsSetup(flags);
  const checkpoint = await loadCheckpoint(paths);
  const stored = parseConfigFile(checkpoint.config, `${paths.checkpoint} (config)`);
  const domain = findDomain(stored.domain ?? '');
  if (!domain) throw new UserError(`${paths.checkpoint}: unknown domain "${stored.domain}"`);
  const generations = intFlag('generations', flags.generations, 1, 100_000_000) ?? stored.generations;
  const { config, instance } = resolveConfig(domain, [
    { source: paths.checkpoint, config: { ...stored, generations } },
  ]);
  const { state } = checkpoint;
  if (state.solvers.length !== instance.solver.length || state.challengers.length !== instance.challenger.length) {
    throw new UserError(`${paths.checkpoint}: genome lengths do not match the ${domain.name} options it records`);
  }
  if (config.generations < state.generation) {
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
    quiet: flags.quiet === true,
    ...nats,
    ...(hooks ? { hooks } : {}),
  });
}
