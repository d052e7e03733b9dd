/**
 * Distributed evaluation and sweeps, measured against their baselines in the
 * same process and the same minutes (the machine may be shared: the load
 * average before and after is recorded).
 *
 *   node --import tsx benchmarks/distributed.ts [--population 512] [--size 59] [--steps 64]
 *     [--generations 3] [--rounds 2] [--seeds 4] [--json] [--out FILE]
 *
 * 1. density generation at population x population games: one process
 *    (--backend cpu) against a coordinator and 2 `redqueen worker` processes
 *    (--backend cpu each) on a local nats-server; rate = games per second of
 *    evaluation, median over the generations after the first. The two are
 *    played alternately for `rounds` rounds (the load moves); the ratio is
 *    the median of the rounds' ratios.
 * 2. NATS round-trip cost per generation: a tiny run (one tile a generation)
 *    local against --nats; the difference of the medians of evaluation time.
 * 3. a sweep of `seeds` number-games seeds with --jobs 2 against --jobs 1.
 * Each run is checked to give the same metrics.jsonl both ways.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { runCli, startCli, tempDir } from '../test/helpers/cli.ts';
import { startNats } from '../test/helpers/nats.ts';
import { load, machine } from './machine.ts';

const { values } = parseArgs({
  options: {
    population: { type: 'string', default: '512' },
    size: { type: 'string', default: '59' },
    steps: { type: 'string', default: '64' },
    generations: { type: 'string', default: '3' },
    seeds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

interface Timing {
  readonly generation: number;
  readonly pairs: number;
  readonly evaluation: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function play(args: readonly string[], dir: string): Promise<{ timings: Timing[]; metrics: string; wall: number }> {
  const t = performance.now();
  const r = await runCli(['run', ...args, '--out', dir, '--quiet']);
  if (r.code !== 0) throw new Error(`run failed: ${r.stderr}`);
  const wall = (performance.now() - t) / 1000;
  const timings = (await readFile(join(dir, 'timings.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Timing);
  return { timings, metrics: await readFile(join(dir, 'metrics.jsonl'), 'utf8'), wall };
}

/** Games per second of evaluation and ms of evaluation, medians over the generations after the first (compile, warm-up). */
function rates(timings: readonly Timing[]): { gamesPerSecond: number; evaluationMs: number } {
  const later = timings.filter((t) => t.generation > 0);
  return {
    gamesPerSecond: median(later.map((t) => t.pairs / (t.evaluation / 1000))),
    evaluationMs: median(later.map((t) => t.evaluation)),
  };
}

const root = await tempDir('rq-bench-dist-');
const loadBefore = load();
const nats = await startNats();
const workers: ChildProcess[] = [];
try {
  const density = [
    '--domain', 'density-classification', '--population', values.population, '--size', values.size, '--steps', values.steps,
    '--generations', values.generations, '--seed', 'bench', '--backend', 'cpu',
  ];
  for (let i = 0; i < 2; i++) workers.push(startCli(['worker', '--nats', nats.url, '--backend', 'cpu', '--quiet']).child);
  const rounds: { single: Awaited<ReturnType<typeof play>>; dist: Awaited<ReturnType<typeof play>>; load: number[] }[] = [];
  for (let r = 0; r < Number(values.rounds); r++) {
    process.stderr.write(`density ${values.population} x ${values.population}, round ${r + 1}: one process, then coordinator + 2 workers...\n`);
    const single = await play(density, join(root, `single-${r}`));
    const dist = await play([...density, '--nats', nats.url, '--tile-rows', '64'], join(root, `dist-${r}`));
    if (dist.metrics !== single.metrics) throw new Error('distributed density run differs from the single-process run');
    rounds.push({ single, dist, load: load() });
  }

  const tiny = ['--domain', 'density-classification', '--population', '8', '--size', '15', '--steps', '8', '--generations', '12', '--seed', 'rt', '--backend', 'cpu'];
  process.stderr.write('round trip: tiny run local and on NATS...\n');
  const tinyLocal = await play(tiny, join(root, 'tiny-local'));
  const tinyNats = await play([...tiny, '--nats', nats.url], join(root, 'tiny-nats'));
  if (tinyNats.metrics !== tinyLocal.metrics) throw new Error('distributed tiny run differs');
  for (const w of workers) w.kill('SIGTERM');

  const config = join(root, 'sweep.json');
  await writeFile(config, JSON.stringify({ domain: 'number-games', generations: 40, solvers: 24, challengers: 24, backend: 'cpu' }));
  const sweep = async (jobs: number) => {
    const t = performance.now();
    const out = join(root, `sweep-${jobs}`);
    const r = await runCli(['sweep', '--config', config, '--seeds', `1..${values.seeds}`, '--jobs', String(jobs), '--out', out, '--quiet']);
    if (r.code !== 0) throw new Error(`sweep failed: ${r.stderr}`);
    return { seconds: (performance.now() - t) / 1000, md: await readFile(join(out, 'sweep.md'), 'utf8') };
  };
  process.stderr.write(`sweep of ${values.seeds} seeds, --jobs 1 then --jobs 2...\n`);
  const one = await sweep(1);
  const two = await sweep(2);
  if (one.md !== two.md) throw new Error('sweep tables differ between --jobs 1 and --jobs 2');

  const perRound = rounds.map((r) => {
    const s = rates(r.single.timings);
    const d = rates(r.dist.timings);
    return { singleProcess: { ...s, wallSeconds: r.single.wall }, twoWorkers: { ...d, wallSeconds: r.dist.wall }, ratio: d.gamesPerSecond / s.gamesPerSecond, loadAfter: r.load };
  });
  const s = { gamesPerSecond: median(perRound.map((r) => r.singleProcess.gamesPerSecond)) };
  const d = { gamesPerSecond: median(perRound.map((r) => r.twoWorkers.gamesPerSecond)) };
  const tl = rates(tinyLocal.timings);
  const tn = rates(tinyNats.timings);
  const result = {
    benchmark: 'distributed',
    machine: machine(),
    load: { before: loadBefore, after: load() },
    density: {
      population: Number(values.population),
      size: Number(values.size),
      steps: Number(values.steps),
      generations: Number(values.generations),
      rounds: perRound,
      singleProcessGamesPerSecond: s.gamesPerSecond,
      twoWorkersGamesPerSecond: d.gamesPerSecond,
      ratio: median(perRound.map((r) => r.ratio)),
      identical: true,
    },
    roundTrip: { localEvaluationMs: tl.evaluationMs, natsEvaluationMs: tn.evaluationMs, costMsPerGeneration: tn.evaluationMs - tl.evaluationMs },
    sweep: { seeds: Number(values.seeds), jobs1Seconds: one.seconds, jobs2Seconds: two.seconds, ratio: one.seconds / two.seconds, identical: true },
  };
  const json = JSON.stringify(result, null, 2);
  if (values.out) await writeFile(values.out, `${json}\n`);
  if (values.json) process.stdout.write(`${json}\n`);
  else {
    process.stdout.write(
      [
        `density ${values.population}x${values.population}: one process ${s.gamesPerSecond.toFixed(0)} games/s, 2 workers ${d.gamesPerSecond.toFixed(0)} games/s (median ratio x${result.density.ratio.toFixed(2)}; rounds ${perRound.map((r) => r.ratio.toFixed(2)).join(', ')})`,
        `NATS round trip: ${result.roundTrip.costMsPerGeneration.toFixed(1)} ms per generation (tiny run: ${tl.evaluationMs.toFixed(1)} ms local, ${tn.evaluationMs.toFixed(1)} ms on NATS)`,
        `sweep of ${values.seeds} seeds: --jobs 1 ${one.seconds.toFixed(1)} s, --jobs 2 ${two.seconds.toFixed(1)} s (x${result.sweep.ratio.toFixed(2)})`,
        `load average before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${result.load.after.map((x) => x.toFixed(1)).join(' ')}`,
      ].join('\n') + '\n',
    );
  }
} finally {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await nats.stop();
}
