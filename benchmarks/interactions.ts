/**
 * Interaction throughput: one full round robin (population x population) of
 * random genomes on one backend and kernel variant, timed repeatedly, paired
 * with the plain-TS reference timed in the same run on the same genomes.
 */
import type { DomainInstance } from '../core/domain.ts';
import type { BackendName } from '../core/backend.ts';
import { genome, type Population } from '../core/population.ts';
import { kernelEvaluator, randomPair, referenceEvaluator, roundRobinOpponents, type Evaluator } from '../core/evaluator.ts';
import { sampledOpponents } from '../core/interactions.ts';
import { stream } from '../core/rng.ts';
import { spread, timeRuns, type Spread } from './stats.ts';

export interface InteractionRecord {
  readonly domain: string;
  readonly backend: string;
  readonly variant: string;
  readonly threads: 'pool' | 1;
  readonly evaluation: string;
  readonly population: number;
  readonly interactions: number;
  readonly interactionsPerSec: number;
  readonly interactionsPerSecMin: number;
  readonly interactionsPerSecMax: number;
  readonly runs: number;
  readonly referencePerSec: number;
  readonly speedupVsReference: number;
  readonly unit?: string;
  readonly unitsPerSec?: number;
  readonly heapMiB: number;
  readonly rssMiB: number;
}

export interface Case {
  readonly domain: DomainInstance;
  readonly backend: BackendName;
  readonly variant: string;
  readonly threads: 'pool' | 1;
  readonly population: number;
  /** k opponents each, or round robin when undefined. */
  readonly sampled?: number;
  readonly runs: number;
}

/** Mean work units per interaction over the batch (e.g. comparator-tests). */
function unitsPerInteraction(domain: DomainInstance, s: Population, c: Population, opp: Int32Array, width: number): number {
  if (!domain.workUnits) return 0;
  let total = 0;
  for (let r = 0; r < s.size; r++) {
    for (let t = 0; t < width; t++) total += domain.workUnits.count(genome(s, r), genome(c, opp[r * width + t]!));
  }
  return total / (s.size * width);
}

/**
 * Reference rate on the first rows of the batch: enough rows for ~0.3 s, so a
 * heavy domain's 1024 x 1024 reference need not run in full. Random genomes
 * make every row alike in cost, so the rate carries over.
 */
async function referenceRate(domain: DomainInstance, s: Population, c: Population, opp: Int32Array, width: number, runs: number): Promise<number> {
  const ref = referenceEvaluator(domain);
  const rowsOf = (n: number) => ({ size: n, length: s.length, genes: s.genes.subarray(0, n * s.length) });
  const t = performance.now();
  await ref.evaluate(rowsOf(1), c, opp.subarray(0, width), width);
  const perRow = Math.max((performance.now() - t) / 1000, 1e-6);
  const rows = Math.min(s.size, Math.max(1, Math.ceil(0.3 / perRow)));
  const times = await timeRuns(() => ref.evaluate(rowsOf(rows), c, opp.subarray(0, rows * width), width), runs);
  return (rows * width) / spread(times).median;
}

export async function measureInteractions(k: Case): Promise<InteractionRecord> {
  const { domain, population: P } = k;
  const [s, c] = randomPair(domain, P, P, `bench-${P}`);
  const width = k.sampled ?? P;
  const opp = k.sampled ? sampledOpponents(P, P, k.sampled, stream('bench')) : roundRobinOpponents(P, P);
  const variant = k.variant === 'default' ? domain : { ...domain, kernel: domain.kernelVariants![k.variant]! };
  const evaluator: Evaluator = await kernelEvaluator(variant, k.backend, { asyncMode: k.threads === 'pool' });
  let times: Spread;
  try {
    times = spread(await timeRuns(() => evaluator.evaluate(s, c, opp, width), k.runs));
  } finally {
    await evaluator.destroy();
  }
  const interactions = P * width;
  const referencePerSec = await referenceRate(domain, s, c, opp, width, Math.min(k.runs, 3));
  const perSec = interactions / times.median;
  const units = unitsPerInteraction(domain, s, c, opp, width);
  const mem = process.memoryUsage();
  return {
    domain: domain.name,
    backend: k.backend,
    variant: k.variant,
    threads: k.threads,
    evaluation: k.sampled ? `sampled k=${k.sampled}` : 'round-robin',
    population: P,
    interactions,
    interactionsPerSec: perSec,
    interactionsPerSecMin: interactions / times.max,
    interactionsPerSecMax: interactions / times.min,
    runs: times.runs,
    referencePerSec,
    speedupVsReference: perSec / referencePerSec,
    ...(domain.workUnits ? { unit: domain.workUnits.name, unitsPerSec: perSec * units } : {}),
    heapMiB: Math.round(mem.heapUsed / 2 ** 20),
    rssMiB: Math.round(mem.rss / 2 ** 20),
  };
}
