/**
 * Interaction throughput: one batch (population x population round robin, or
 * k sampled opponents each) of random genomes on one backend and kernel,
 * timed repeatedly, paired with the plain-TS reference timed in the same run
 * on the same genomes, and checked against it: a fast wrong kernel is not a
 * result.
 */
import type { DomainInstance, InteractionKernel } from '../core/domain/domain.ts';
import type { BackendName } from '../core/domain/backend-names.ts';
import { genome, type Population } from '../core/basics/population.ts';
import { kernelEvaluator, randomPair, referenceEvaluator, roundRobinOpponents } from '../core/backends/evaluator.ts';
import { sampledOpponents } from '../core/engine/interactions.ts';
import { stream } from '../core/basics/rng.ts';
import { MemoryProbe, type MemoryRecord } from './memory.ts';
import { rate, seconds, spread } from './stats.ts';
import { hasBaseline, runBaseline, type Baselines } from './c-baseline.ts';

export interface InteractionRecord {
  readonly domain: string;
  readonly backend: string;
  /** The kernel that ran (the domain's default for this backend, or a variant). */
  readonly kernel: string;
  /** 'default', or the name of the kernel variant. */
  readonly variant: string;
  /** webasm and wasm: a thread per core ('pool'), or one thread. */
  readonly threads: 'pool' | 1;
  readonly evaluation: string;
  readonly population: number;
  readonly interactions: number;
  readonly interactionsPerSec: number;
  readonly interactionsPerSecMin: number;
  readonly interactionsPerSecMax: number;
  readonly runs: number;
  readonly referencePerSec: number;
  readonly referencePerSecMin: number;
  readonly referencePerSecMax: number;
  /** Median over the runs of (kernel rate / reference rate), each pair timed back to back. */
  readonly speedupVsReference: number;
  /** The compiled C baseline (c-baseline.ts) on the same batch, its best run; round robin only. */
  readonly cBaselinePerSec?: number;
  /**
   * Best kernel batch / best C batch: the same batch, one of each per run,
   * back to back. Best rather than median: a batch of a few ms on a machine
   * loaded 10-20 deep (this one, shared) is often preempted for longer than
   * it runs, and the best of each is what either does when it has a core.
   */
  readonly speedupVsC?: number;
  /** The C baseline's outcomes equal the kernel's. */
  readonly cAgrees?: boolean;
  readonly unit?: string;
  readonly unitsPerSec?: number;
  readonly referenceUnitsPerSec?: number;
  /** Every outcome the reference computed (its rows) equals the kernel's. */
  readonly agrees: boolean;
  /** The untimed first call: kernel compile plus one batch. */
  readonly firstCallSeconds: number;
  readonly memory: MemoryRecord;
}

export interface Case {
  readonly domain: DomainInstance;
  readonly backend: BackendName;
  /** 'default' or a key of domain.kernelVariants. */
  readonly variant: string;
  readonly threads: 'pool' | 1;
  readonly population: number;
  /** k opponents each, or round robin when undefined. */
  readonly sampled?: number;
  readonly runs: number;
  /** Compiled C baselines, when there is a compiler. */
  readonly baselines?: Baselines | null;
}

/** A case's kernel name: the wasm kernel's on wasm, else the gpu.js kernel's. */
export function caseKernelName(domain: DomainInstance, backend: BackendName, variant: string): string {
  if (backend === 'wasm') return domain.wasm?.name ?? 'none';
  return caseKernel(domain, backend, variant).name ?? variant;
}

/** The kernel a case runs, and its name. */
export function caseKernel(domain: DomainInstance, backend: BackendName, variant: string): InteractionKernel {
  if (variant !== 'default') return domain.kernelVariants![variant]!;
  return domain.kernel.perBackend?.[backend] ?? domain.kernel;
}

/**
 * Mean work units per interaction (e.g. comparator-tests) over the first
 * `rows` rows: the rows the reference times, since counting can cost as much
 * as the interaction (a simulation's steps); random rows are alike.
 */
function unitsPerInteraction(domain: DomainInstance, s: Population, c: Population, opp: Int32Array, width: number, rows: number): number {
  if (!domain.workUnits) return 0;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < width; t++) total += domain.workUnits.count(genome(s, r), genome(c, opp[r * width + t]!));
  }
  return total / (rows * width);
}

const rowsOf = (s: Population, n: number): Population => ({ size: n, length: s.length, genes: s.genes.subarray(0, n * s.length) });

/**
 * How many of the batch's first rows the reference evaluates per timed run:
 * enough for ~0.3 s, so a heavy domain's 1024 x 1024 reference need not run
 * in full. Random genomes make every row alike in cost, so the rate carries over.
 */
async function referenceRows(domain: DomainInstance, s: Population, c: Population, opp: Int32Array, width: number): Promise<number> {
  const t = performance.now();
  await referenceEvaluator(domain).evaluate(rowsOf(s, 1), c, opp.subarray(0, width), width);
  const perRow = Math.max((performance.now() - t) / 1000, 1e-6);
  return Math.min(s.size, Math.max(1, Math.ceil(0.3 / perRow)));
}

export async function measureInteractions(k: Case): Promise<InteractionRecord> {
  const { domain, population: P } = k;
  const [s, c] = randomPair(domain, P, P, `bench-${P}`);
  const width = k.sampled ?? P;
  const opp = k.sampled ? sampledOpponents(P, P, k.sampled, stream('bench')) : roundRobinOpponents(P, P);
  const kernel = caseKernel(domain, k.backend, k.variant);
  const ref = referenceEvaluator(domain);
  const rows = await referenceRows(domain, s, c, opp, width);
  const memory = new MemoryProbe();
  const evaluator = await kernelEvaluator({ ...domain, kernel }, k.backend, {
    asyncMode: k.threads === 'pool',
    ...(k.backend === 'wasm' && k.threads === 1 ? { threads: 1 } : {}),
  });
  // The C baseline on the same batch (round robin only), once per run.
  const baselines = !k.sampled && hasBaseline(k.baselines ?? null, domain) ? k.baselines! : null;
  const cTimes: number[] = [];
  let cAgrees = true;
  let outcomes: Float32Array = new Float32Array(0);
  let expected: Float32Array = new Float32Array(0);
  const kernelTimes: number[] = [];
  const refTimes: number[] = [];
  let first: number;
  try {
    const batch = async () => (outcomes = await evaluator.evaluate(s, c, opp, width));
    const refBatch = async () => (expected = await ref.evaluate(rowsOf(s, rows), c, opp.subarray(0, rows * width), width));
    first = await seconds(batch);
    await refBatch();
    // Kernel and reference alternate, so each pair sees the same load on a shared machine.
    for (let r = 0; r < k.runs; r++) {
      kernelTimes.push(await seconds(batch));
      memory.sample();
      refTimes.push(await seconds(refBatch));
      if (baselines) {
        const run = runBaseline(baselines, domain, s, c, 1);
        cTimes.push(run.seconds);
        cAgrees &&= run.outcomes.every((v, i) => Object.is(v, outcomes[i]));
      }
    }
  } finally {
    await evaluator.destroy();
  }
  const interactions = P * width;
  const kernelRate = rate(interactions, spread(kernelTimes));
  const refRate = rate(rows * width, spread(refTimes));
  const ratios = kernelTimes.map((t, r) => (interactions / t) / ((rows * width) / refTimes[r]!));
  const agrees = expected.every((x, i) => Object.is(x, outcomes[i]));

  const units = unitsPerInteraction(domain, s, c, opp, width, rows);
  return {
    domain: domain.name,
    backend: k.backend,
    kernel: caseKernelName(domain, k.backend, k.variant),
    variant: k.variant,
    threads: k.threads,
    evaluation: k.sampled ? `sampled k=${k.sampled}` : 'round-robin',
    population: P,
    interactions,
    interactionsPerSec: kernelRate.median,
    interactionsPerSecMin: kernelRate.min,
    interactionsPerSecMax: kernelRate.max,
    runs: kernelRate.runs,
    referencePerSec: refRate.median,
    referencePerSecMin: refRate.min,
    referencePerSecMax: refRate.max,
    speedupVsReference: spread(ratios).median,
    ...(baselines
      ? { cBaselinePerSec: interactions / Math.min(...cTimes), speedupVsC: Math.min(...cTimes) / Math.min(...kernelTimes), cAgrees }
      : {}),
    ...(domain.workUnits
      ? { unit: domain.workUnits.name, unitsPerSec: kernelRate.median * units, referenceUnitsPerSec: refRate.median * units }
      : {}),
    agrees,
    firstCallSeconds: first,
    memory: memory.result(),
  };
}
