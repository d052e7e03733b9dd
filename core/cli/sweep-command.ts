/**
 * `redqueen sweep --config FILE --seeds 1..10 [--set k=v,...]... [--jobs N] [--out DIR] [--nats URL]`:
 * one run per (setup, seed) as child processes, N at a time (default: the
 * cores), each an ordinary run directory; then a table per setup written as
 * DIR/sweep.json and DIR/sweep.md (and printed). Running the same sweep again
 * skips the finished runs and resumes the unfinished ones.
 */
import { availableParallelism } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { UserError } from '../basics/errors.ts';
import { intFlag } from '../basics/flags.ts';
import type { JsonObject } from '../basics/json.ts';
import { readJsonFile, writeJsonAtomic } from '../run/files.ts';
import { resolveConfig, parseConfigFile } from '../run/config.ts';
import { findDomain } from '../../populations/index.ts';
import { parseSeeds, planJobs, planSetups } from '../sweep/plan.ts';
import { runJobs } from '../sweep/runner.ts';
import { DEFAULT_MEASURES, markdown, sweepTable, tableJson } from '../sweep/report.ts';

export interface SweepFlags {
  readonly config?: string;
  readonly seeds?: string;
  readonly set?: readonly string[];
  readonly jobs?: string;
  readonly out?: string;
  readonly measures?: string;
  readonly nats?: string;
  readonly quiet?: boolean;
}

const BIN = fileURLToPath(new URL('../../bin/redqueen.js', import.meta.url));

export async function sweepCommand(flags: SweepFlags): Promise<number> {
  if (!flags.config) throw new UserError('--config <file> is required: the run config every setup starts from');
  if (!flags.seeds) throw new UserError('--seeds is required, e.g. --seeds 1..10');
  const file = await readJsonFile(flags.config, '--config');
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new UserError(`--config ${flags.config}: expected a JSON object`);
  const seeds = parseSeeds(flags.seeds);
  const setups = planSetups(file as JsonObject, flags.config, flags.set ?? []);
  const generationsOf = new Map(
    setups.map((s) => {
      const parsed = parseConfigFile(s.config, s.name);
      const domain = findDomain(parsed.domain ?? 'sorting-networks');
      if (!domain) throw new UserError(`--config ${flags.config}: unknown domain "${parsed.domain}"`);
      return [s, resolveConfig(domain, [{ source: s.name, config: parsed }]).config.generations] as const;
    }),
  );
  const jobs = intFlag('jobs', flags.jobs, 1, 1024) ?? availableParallelism();
  const measures = flags.measures ? flags.measures.split(',').map((m) => m.trim()) : [...DEFAULT_MEASURES];
  const out = flags.out ?? `runs/sweep-${Date.now()}`;
  for (const s of setups) {
    await mkdir(`${out}/${s.slug}`, { recursive: true });
    await writeJsonAtomic(`${out}/${s.slug}/config.json`, s.config);
  }
  const all = planJobs(setups, seeds, out);
  const log = (line: string) => {
    if (!flags.quiet) process.stderr.write(`${line}\n`);
  };
  log(`redqueen sweep: ${setups.length} setups x ${seeds.length} seeds, ${Math.min(jobs, all.length)} at a time; writing ${out}`);
  const started = performance.now();
  const outcomes = await runJobs(all, {
    cli: [process.execPath, BIN],
    jobs,
    extra: flags.nats ? ['--nats', flags.nats] : [],
    configFile: (j) => `${out}/${j.setup.slug}/config.json`,
    generations: (j) => generationsOf.get(j.setup)!,
    onDone: (o, done, total) =>
      log(
        `  ${done}/${total} ${o.job.setup.name} seed ${o.job.seed}: ${o.ok ? 'ok' : `FAILED (${o.error})`}${o.attempts.length > 1 || o.attempts[0] === 'resume' ? ` after ${o.attempts.join(', ')}` : o.attempts.length === 0 ? ' (already done)' : ''}`,
      ),
  });
  const rows = await sweepTable(setups, outcomes, measures);
  const md = markdown(rows, measures);
  await writeJsonAtomic(`${out}/sweep.json`, {
    config: flags.config,
    seeds,
    measures,
    seconds: (performance.now() - started) / 1000,
    jobs: outcomes.map((o) => ({
      setup: o.job.setup.name,
      seed: o.job.seed,
      dir: o.job.dir,
      attempts: [...o.attempts],
      ok: o.ok,
      ...(o.error ? { error: o.error } : {}),
    })),
    setups: tableJson(rows),
  });
  await writeFile(`${out}/sweep.md`, md);
  process.stdout.write(md);
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed) process.stderr.write(`redqueen sweep: ${failed} of ${all.length} runs failed; run the same command again to retry them\n`);
  return failed ? 1 : 0;
}
