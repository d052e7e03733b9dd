/**
 * Whole generations per second, end to end, as a run plays them: every
 * generation's step, its metrics.jsonl / timings / champions lines, and the
 * checkpoint and best.json (with its probe) the run writes, into a
 * temporary run folder. The run's own defaults (or a config file), one
 * backend, in process; the first generations (kernel compiles, a thread
 * pool starting) are left out of the rate.
 *
 *   node --import tsx benchmarks/run-speed.ts --domain D [--config FILE]
 *     [--backend B]... [--generations 60] [--checkpoint-every N] [--out FILE.json]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findDomain } from '../populations/index.ts';
import { parseConfigFile, resolveConfig } from '../core/run/config.ts';
import { readJsonFile } from '../core/run/files.ts';
import { selectEvaluator } from '../core/backends/evaluator.ts';
import type { BackendChoice } from '../core/domain/backend-names.ts';
import { initialState } from '../core/engine/state.ts';
import { runJob } from '../core/run/loop.ts';
import { load } from './machine.ts';

const { values } = parseArgs({
  options: {
    domain: { type: 'string', default: 'sorting-networks' },
    config: { type: 'string' },
    backend: { type: 'string', multiple: true },
    generations: { type: 'string', default: '60' },
    // The run's default checkpoints (and fsyncs) every generation; a larger value shows what the compute allows.
    'checkpoint-every': { type: 'string' },
    out: { type: 'string' },
  },
});

/** Generations left out of the rate at the start. */
const WARM = 5;

export interface RunSpeedRecord {
  readonly domain: string;
  readonly config: string;
  readonly checkpointEvery: number;
  readonly backend: string;
  readonly detail?: string;
  readonly generations: number;
  readonly generationsPerSec: number;
  /** Median milliseconds per generation, and the step's own parts (timings.jsonl). */
  readonly msPerGeneration: number;
  readonly stepMs: { readonly evaluation: number; readonly metrics: number; readonly variation: number };
  readonly load: { readonly before: number[]; readonly after: number[] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function measure(backend: BackendChoice): Promise<RunSpeedRecord> {
  const domain = findDomain(values.domain!);
  if (!domain) throw new Error(`no domain ${values.domain}`);
  const layers = values.config ? [{ source: values.config, config: parseConfigFile(await readJsonFile(values.config, '--config'), values.config) }] : [];
  const generations = Number(values.generations);
  const every = values['checkpoint-every'] ? { checkpointEvery: Number(values['checkpoint-every']) } : {};
  const { config, instance } = resolveConfig(domain, [...layers, { source: 'bench', config: { backend, seed: 'run-speed', ...every } }]);
  const before = load();
  const selected = await selectEvaluator(instance, backend, {
    rows: config.solvers + config.hallOfFame.sample + config.paretoArchive.solvers,
    cols: config.challengers,
    width: config.evaluation.mode === 'round-robin' ? config.challengers : config.evaluation.opponents,
  });
  const dir = await mkdtemp(join(tmpdir(), 'rq-run-speed-'));
  const stamps: number[] = [];
  const parts = { evaluation: [] as number[], metrics: [] as number[], variation: [] as number[] };
  try {
    await runJob({
      dir,
      config,
      domain: instance,
      evaluator: selected.evaluator,
      state: initialState(instance, config),
      until: generations,
      hooks: {
        onGeneration(report) {
          stamps.push(performance.now());
          if (report.generation >= WARM) {
            parts.evaluation.push(report.timings.evaluation);
            parts.metrics.push(report.timings.metrics);
            parts.variation.push(report.timings.variation);
          }
        },
      },
    });
  } finally {
    await selected.evaluator.destroy();
    await rm(dir, { recursive: true, force: true });
  }
  const gaps = stamps.slice(WARM).map((t, i) => t - stamps[WARM - 1 + i]!);
  const seconds = (stamps.at(-1)! - stamps[WARM - 1]!) / 1000;
  return {
    domain: instance.name,
    config: values.config ?? 'defaults',
    checkpointEvery: config.checkpointEvery,
    backend: selected.evaluator.backend,
    ...(selected.evaluator.detail ? { detail: selected.evaluator.detail } : {}),
    generations: gaps.length,
    generationsPerSec: gaps.length / seconds,
    msPerGeneration: median(gaps),
    stepMs: { evaluation: median(parts.evaluation), metrics: median(parts.metrics), variation: median(parts.variation) },
    load: { before, after: load() },
  };
}

const records: RunSpeedRecord[] = [];
for (const backend of (values.backend ?? ['auto']) as BackendChoice[]) {
  const r = await measure(backend);
  records.push(r);
  process.stderr.write(
    `${r.domain} (${r.config}, checkpoint every ${r.checkpointEvery}) on ${r.backend}: ${r.generationsPerSec.toFixed(2)} generations/s, median ${r.msPerGeneration.toFixed(1)} ms ` +
      `(step: evaluation ${r.stepMs.evaluation.toFixed(1)}, metrics ${r.stepMs.metrics.toFixed(1)}, variation ${r.stepMs.variation.toFixed(1)} ms); ` +
      `load ${r.load.before.join('/')} -> ${r.load.after.join('/')}\n`,
  );
}
const result = { date: new Date().toISOString(), command: `node --import tsx benchmarks/run-speed.ts ${process.argv.slice(2).join(' ')}`, records };
if (values.out) await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
