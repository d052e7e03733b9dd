/** `redqueen run`: validate everything, then create the run directory and play. */
import { rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readJsonFile } from '../run/files.ts';
import { UserError } from '../basics/errors.ts';
import { EVALUATION_MODES } from '../engine/interactions.ts';
import { COMMAND_LINE, parseConfigFile, resolveConfig, type ConfigFile, type RunConfig } from '../run/config.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { BACKEND_CHOICES } from '../domain/backend-names.ts';
import { DOMAINS, findDomain } from '../../populations/index.ts';
import { initialState } from '../engine/state.ts';
import { runPaths } from '../run/run-dir.ts';
import { writeCheckpoint } from '../run/checkpoint.ts';
import type { RunHooks } from '../run/loop.ts';
import { choiceFlag, intFlag } from '../basics/flags.ts';
import { domainFlags, domainOptionsFromFlags } from './domain-flags.ts';
import { natsSetup, playJob } from './job.ts';
import { withFaultAdvice } from './faults.ts';
import { makeDirectory } from '../run/fs-errors.ts';
import { lockRunDir } from '../run/lock.ts';
import type { StreamFlags } from './stream-flags.ts';
import { streamRecord } from './stream-record.ts';

export interface RunFlags {
  readonly domain?: string;
  readonly config?: string;
  readonly generations?: string;
  readonly seed?: string;
  readonly out?: string;
  readonly backend?: string;
  readonly population?: string;
  readonly solvers?: string;
  readonly challengers?: string;
  readonly evaluation?: string;
  readonly opponents?: string;
  readonly checkpointEvery?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly nats?: string;
  readonly tileRows?: string;
  readonly [domainOption: string]: string | boolean | undefined;
}

export async function readConfigFile(path: string): Promise<ConfigFile> {
  return parseConfigFile(await readJsonFile(path, '--config'), path);
}

function timestamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Refuse to touch a directory that already holds a run (or a file that is not a directory). */
async function checkFreshDir(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory()) throw new UserError(`--out ${dir}: a file is there, not a directory; choose another --out`);
  const paths = runPaths(dir);
  for (const file of [paths.runJson, paths.checkpoint]) {
    if ((await stat(file).catch(() => null)) === null) continue;
    throw new UserError(`--out ${dir} already holds a run; continue it with \`npx redqueen resume ${dir}\` or choose another --out`);
  }
}

/** Undo a start that failed before its first checkpoint: the directories this run made, if still empty. */
async function removeMadeDirs(dir: string, made: string | undefined): Promise<void> {
  if (made === undefined) return;
  for (let d = resolve(dir); d.startsWith(resolve(made)); d = dirname(d)) {
    if (!(await rmdir(d).then(() => true, () => false))) return;
  }
}

/** Validate flags (and the config file they name) into a run config; no side effects beyond reading the file. */
export async function prepareRun(flags: RunFlags): Promise<{ config: RunConfig; instance: DomainInstance; title: string }> {
  const file = flags.config ? await readConfigFile(flags.config) : undefined;
  const name = flags.domain ?? file?.domain ?? 'sorting-networks';
  const domain = findDomain(name);
  if (!domain) throw new UserError(`unknown domain "${name}"; choose one of: ${DOMAINS.map((d) => d.name).join(', ')}`);
  if (flags.seed !== undefined && flags.seed.trim() === '') throw new UserError('--seed must not be empty (any text or number names a run)');
  const population = intFlag('population', flags.population, 2, 65_536);
  const cli: ConfigFile = {
    seed: flags.seed,
    generations: intFlag('generations', flags.generations, 0, 100_000_000),
    // On the command line --population is the size of both unless --solvers or --challengers says otherwise.
    solvers: intFlag('solvers', flags.solvers, 2, 65_536) ?? population,
    challengers: intFlag('challengers', flags.challengers, 2, 65_536) ?? population,
    backend: choiceFlag('backend', flags.backend, BACKEND_CHOICES),
    evaluation: {
      mode: choiceFlag('evaluation', flags.evaluation, EVALUATION_MODES),
      opponents: intFlag('opponents', flags.opponents, 1, 65_536),
    },
    checkpointEvery: intFlag('checkpoint-every', flags.checkpointEvery, 1),
    options: domainOptionsFromFlags(domain, domainFlags(DOMAINS), flags as Record<string, string | undefined>),
  };
  const layers = [
    ...(file ? [{ source: flags.config!, config: file }] : []),
    { source: COMMAND_LINE, config: cli },
  ];
  const { config, instance } = resolveConfig(domain, layers);
  return { config, instance, title: domain.title };
}

export async function runCommand(flags: RunFlags & StreamFlags, hooks?: RunHooks): Promise<number> {
  const { config, instance, title } = await prepareRun(flags);
  const nats = await natsSetup(flags);
  const stream = streamRecord(flags);
  const dir = flags.out ?? `runs/${config.domain}-${timestamp()}`;
  await checkFreshDir(dir);
  const made = await makeDirectory(dir, 'the run directory');
  const lock = await lockRunDir(dir, 'redqueen run');
  try {
    return await withFaultAdvice(dir, stream, async () => {
      // Again under the lock: another writer may have started a run here meanwhile.
      await checkFreshDir(dir);
      // Generation 0 is checkpointed before anything runs, so a run killed at any
      // moment, even while it starts, can be resumed.
      const state = initialState(instance, config);
      await writeCheckpoint(runPaths(dir).checkpoint, { config, state }).catch(async (e: unknown) => {
        await lock.release();
        await removeMadeDirs(dir, made);
        throw e;
      });
      return playJob({
        dir,
        title,
        config,
        domain: instance,
        state,
        quiet: flags.quiet === true,
        verbose: flags.verbose === true,
        stream,
        ...nats,
        ...(hooks ? { hooks } : {}),
      });
    });
  } finally {
    await lock.release();
  }
}
