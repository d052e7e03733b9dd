/**
 * The arms-race experiment: does the plain setup cycle on a number game, do
 * the detectors say so, and do the remedies buy real (objective) progress?
 * For each setup and seed a run is played in process with the reference
 * interaction (equal to every kernel by the domain contract, and fastest
 * for these tiny games), and summarised from its metrics lines:
 *   cycling     the run raised a cycling event / fraction of generations
 *               inside a cycling episode
 *   objective   the probe (champion solver's mean coordinate / resolution,
 *               outside the loop) averaged over the last quarter of the run
 * Output: mean and standard deviation over the seeds, per setup (a table, or
 * JSON with --json).
 *
 *   node --import tsx benchmarks/arms-race.ts --seeds 10 --generations 600 --population 32 --game intransitive
 *   (--setups "plain,Pareto archive 32" for a subset; --json for the numbers)
 */
import { parseArgs } from 'node:util';
import { resolveConfig, type ConfigFile } from '../core/run/config.ts';
import type { BackendName } from '../core/domain/backend-names.ts';
import { kernelEvaluator, referenceEvaluator, type Evaluator } from '../core/backends/evaluator.ts';
import type { GenerationMetrics } from '../core/engine/metrics.ts';
import { initialState } from '../core/engine/state.ts';
import { step } from '../core/engine/step.ts';
import { findDomain } from '../populations/index.ts';
import { mean } from './stats.ts';

export const SETUPS: Readonly<Record<string, ConfigFile>> = {
  plain: { hallOfFame: { sample: 0 } },
  'hall of fame 8': { hallOfFame: { sample: 8 } },
  'hall of fame 16': { hallOfFame: { sample: 16 } },
  'Pareto archive 16': { hallOfFame: { sample: 0 }, paretoArchive: { challengers: 16 } },
  'Pareto archive 32': { hallOfFame: { sample: 0 }, paretoArchive: { challengers: 32 } },
  'Pareto archive 64': { hallOfFame: { sample: 0 }, paretoArchive: { challengers: 64 } },
  'hall of fame 8 + Pareto archive 32': { hallOfFame: { sample: 8 }, paretoArchive: { challengers: 32 } },
  'fitness sharing': { hallOfFame: { sample: 0 }, fitnessSharing: true },
  'Pareto archives 16 + 16 solvers': { hallOfFame: { sample: 0 }, paretoArchive: { challengers: 16, solvers: 16 } },
  'Pareto archives 32 + 32 solvers': { hallOfFame: { sample: 0 }, paretoArchive: { challengers: 32, solvers: 32 } },
};

/** Density classification: challengers made too hard on purpose, and the schedule that keeps the race engaged. */
export const DENSITY_SETUPS: Readonly<Record<string, ConfigFile>> = {
  'too hard (d = 1 throughout)': { hallOfFame: { sample: 0 }, difficulty: { schedule: 'ramp', start: 1, end: 1 } },
  'adaptive (target 0.5)': { hallOfFame: { sample: 0 }, difficulty: { schedule: 'adaptive', start: 1, target: 0.5, step: 0.2 } },
};

export interface RunSummary {
  readonly disengagementDetected: boolean;
  readonly disengagedShare: number;
  /** Mean outcome over the second half of the run. */
  readonly lateOutcome: number;
  readonly cyclingDetected: boolean;
  readonly cyclingShare: number;
  readonly focusingShare: number;
  readonly lopsidedShare: number;
  readonly objective: number;
  readonly finalObjective: number;
}

/** Fraction of generations inside an episode of `kind` (a start without an end runs to the end). */
function episodeShare(metrics: readonly GenerationMetrics[], kind: string): number {
  let inside = 0;
  let since: number | null = null;
  for (const m of metrics) {
    for (const e of m.events) {
      if (e.kind !== kind) continue;
      if (e.phase === 'start') since = e.since;
      else if (since !== null) {
        inside += (e.until ?? m.generation) - since + 1;
        since = null;
      }
    }
  }
  if (since !== null) inside += metrics.length - since;
  return inside / metrics.length;
}

export async function playSetup(
  options: Record<string, unknown>,
  setup: ConfigFile,
  seed: number,
  generations: number,
  population: number,
  where: { readonly domain: string; readonly backend: BackendName | 'reference'; readonly probeEvery?: number } = {
    domain: 'number-games',
    backend: 'reference',
  },
): Promise<RunSummary> {
  const domain = findDomain(where.domain);
  if (!domain) throw new Error(`the ${where.domain} domain is not registered`);
  const { config, instance } = resolveConfig(domain, [
    {
      source: 'experiment',
      config: {
        ...setup,
        options,
        seed,
        generations,
        solvers: population,
        challengers: population,
        ...(where.probeEvery ? { probeEvery: where.probeEvery } : {}),
      },
    },
  ]);
  const evaluator: Evaluator = where.backend === 'reference' ? referenceEvaluator(instance) : await kernelEvaluator(instance, where.backend);
  let state = initialState(instance, config);
  const metrics: GenerationMetrics[] = [];
  try {
    for (let g = 0; g < generations; g++) {
      const r = await step(state, { domain: instance, config, evaluator });
      state = r.state;
      metrics.push(r.report.metrics);
    }
  } finally {
    await evaluator.destroy();
  }
  const late = metrics.slice(Math.floor(metrics.length / 2));
  const scores = metrics.filter((m) => m.probe).map((m) => m.probe!.score);
  const q = scores.slice(scores.length - Math.max(1, Math.floor(scores.length / 4)));
  return {
    disengagementDetected: metrics.some((m) => m.events.some((e) => e.kind === 'disengagement')),
    disengagedShare: episodeShare(metrics, 'disengagement'),
    lateOutcome: late.reduce((a, m) => a + m.engagement.mean, 0) / late.length,
    cyclingDetected: metrics.some((m) => m.events.some((e) => e.kind === 'cycling')),
    cyclingShare: episodeShare(metrics, 'cycling'),
    focusingShare: episodeShare(metrics, 'focusing'),
    lopsidedShare: episodeShare(metrics, 'lopsided'),
    objective: mean(q),
    finalObjective: scores[scores.length - 1] ?? 0,
  };
}

export function meanSd(xs: readonly number[]): { mean: number; sd: number; min: number; max: number } {
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean: m, sd, min: Math.min(...xs), max: Math.max(...xs) };
}

/** mean ± sd [min, max], for the tables. */
const f = (s: ReturnType<typeof meanSd>) => `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)} [${s.min.toFixed(3)}, ${s.max.toFixed(3)}]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '10' },
      generations: { type: 'string', default: '600' },
      population: { type: 'string', default: '32' },
      game: { type: 'string', default: 'intransitive' },
      dims: { type: 'string', default: '2' },
      setups: { type: 'string' },
      domain: { type: 'string', default: 'number-games' },
      size: { type: 'string', default: '149' },
      backend: { type: 'string', default: 'reference' },
      'probe-every': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const seeds = Number(values.seeds);
  const generations = Number(values.generations);
  const population = Number(values.population);
  const density = values.domain === 'density-classification';
  const options = density ? { size: Number(values.size) } : { game: values.game, dims: Number(values.dims) };
  const table = density ? DENSITY_SETUPS : SETUPS;
  const names = values.setups ? values.setups.split(',') : Object.keys(table);
  const where = {
    domain: values.domain,
    backend: values.backend as BackendName | 'reference',
    ...(values['probe-every'] ? { probeEvery: Number(values['probe-every']) } : {}),
  };
  const results: Record<string, unknown> = {};
  const started = performance.now();
  for (const name of names) {
    const setup = table[name];
    if (!setup) throw new Error(`unknown setup "${name}"; choose from ${Object.keys(table).join(', ')}`);
    const runs: RunSummary[] = [];
    for (let seed = 1; seed <= seeds; seed++) runs.push(await playSetup(options, setup, seed, generations, population, where));
    results[name] = {
      disengagementDetected: runs.filter((r) => r.disengagementDetected).length / runs.length,
      disengagedShare: meanSd(runs.map((r) => r.disengagedShare)),
      lateOutcome: meanSd(runs.map((r) => r.lateOutcome)),
      cyclingDetected: runs.filter((r) => r.cyclingDetected).length / runs.length,
      cyclingShare: meanSd(runs.map((r) => r.cyclingShare)),
      focusingShare: meanSd(runs.map((r) => r.focusingShare)),
      lopsidedShare: meanSd(runs.map((r) => r.lopsidedShare)),
      objective: meanSd(runs.map((r) => r.objective)),
      finalObjective: meanSd(runs.map((r) => r.finalObjective)),
      perSeed: runs.map((r) => Number(r.objective.toFixed(4))),
    };
    if (!values.json && density) {
      const x = results[name] as Record<string, ReturnType<typeof meanSd>> & { disengagementDetected: number };
      if (name === names[0]) {
        process.stdout.write('| setup | runs flagged disengaged | share of generations disengaged | mean outcome, second half | probe (standard accuracy), last quarter |\n');
        process.stdout.write('|---|---|---|---|---|\n');
      }
      process.stdout.write(
        `| ${name} | ${Math.round(x.disengagementDetected * seeds)}/${seeds} | ${f(x.disengagedShare!)} | ${f(x.lateOutcome!)} | ${f(x.objective!)} |\n`,
      );
    } else if (!values.json) {
      const x = results[name] as { cyclingDetected: number; cyclingShare: ReturnType<typeof meanSd>; objective: ReturnType<typeof meanSd>; focusingShare: ReturnType<typeof meanSd> };
      if (name === names[0]) {
        process.stdout.write(
          `| setup | runs flagged cycling | share of generations cycling | share focusing | objective, last quarter (mean ± sd [min, max]) | Welch t vs ${names[0]} |\n`,
        );
        process.stdout.write('|---|---|---|---|---|---|\n');
      }
      const base = (results[names[0]!] as { objective: ReturnType<typeof meanSd> }).objective;
      const t = (x.objective.mean - base.mean) / Math.sqrt((x.objective.sd ** 2 + base.sd ** 2) / seeds || 1);
      process.stdout.write(
        `| ${name} | ${Math.round(x.cyclingDetected * seeds)}/${seeds} | ${f(x.cyclingShare)} | ${f(x.focusingShare)} | ${f(x.objective)} | ${
          name === names[0] ? '–' : t.toFixed(1)
        } |\n`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ options, seeds, generations, population, seconds, results }, null, 2)}\n`);
  } else {
    process.stdout.write(`(${seeds} seeds x ${names.length} setups, ${generations} generations, populations of ${population}: ${seconds.toFixed(0)} s)\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
