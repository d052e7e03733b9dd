/**
 * Per-generation measurements, written as one line of metrics.jsonl. Only
 * deterministic values belong here (timings go to timings.jsonl), so the same
 * seed, config and backend give a byte-identical file.
 */
import type { ChampionHistory } from './archive.ts';
import { evenlySpaced } from './archive.ts';
import type { DomainInstance, ProbeResult } from './domain.ts';
import type { Fitness } from './fitness.ts';
import type { Interactions } from './interactions.ts';
import type { JsonObject } from './json.ts';
import { genome, type Population } from './population.ts';
import type { Rng } from './rng.ts';

/** Pairs compared for diversity; all pairs when the population has fewer. */
const DIVERSITY_PAIRS = 1024;

export interface SideStats {
  readonly best: number;
  readonly mean: number;
  readonly diversity: number;
}

export interface Engagement {
  /** Mean of the met entries of M. */
  readonly mean: number;
  /** Fractions of met entries exactly 0 and exactly 1. */
  readonly zeros: number;
  readonly ones: number;
  /** Every met entry 0, or every met entry 1: no gradient for either side. */
  readonly disengaged: boolean;
}

/** Current champions against earlier champions of the other side. */
export interface CiaoRow {
  readonly generations: readonly number[];
  /** Outcome of this generation's champion solver vs the champion challenger of each listed generation. */
  readonly solver: readonly number[];
  /** Score (1 - outcome) of this generation's champion challenger vs each listed champion solver. */
  readonly challenger: readonly number[];
}

export interface GenerationMetrics extends JsonObject {
  generation: number;
  solvers: { best: number; mean: number; diversity: number };
  challengers: { best: number; mean: number; diversity: number };
  engagement: { mean: number; zeros: number; ones: number; disengaged: boolean };
  ciao: { solver: number; challenger: number; samples: number } | null;
  probe: ({ score: number } & JsonObject) | null;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length ? s / xs.length : 0;
}

function max(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}

/** Mean fraction of genes that differ between two individuals. */
export function diversity(pop: Population, rng: Rng): number {
  const n = pop.size;
  const all = (n * (n - 1)) / 2;
  if (all === 0) return 0;
  let total = 0;
  let count = 0;
  const compare = (a: number, b: number): void => {
    const x = genome(pop, a);
    const y = genome(pop, b);
    let diff = 0;
    for (let g = 0; g < pop.length; g++) if (x[g] !== y[g]) diff++;
    total += diff / pop.length;
    count++;
  };
  if (all <= DIVERSITY_PAIRS) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) compare(a, b);
  } else {
    for (let k = 0; k < DIVERSITY_PAIRS; k++) {
      const a = rng.int(n);
      const b = (a + 1 + rng.int(n - 1)) % n;
      compare(a, b);
    }
  }
  return total / count;
}

export function engagement(matrix: Float64Array): Engagement {
  let met = 0;
  let sum = 0;
  let zeros = 0;
  let ones = 0;
  for (const m of matrix) {
    if (Number.isNaN(m)) continue;
    met++;
    sum += m;
    if (m === 0) zeros++;
    else if (m === 1) ones++;
  }
  return {
    mean: met ? sum / met : 0,
    zeros: met ? zeros / met : 0,
    ones: met ? ones / met : 0,
    disengaged: met > 0 && (zeros === met || ones === met),
  };
}

/**
 * CIAO row of generation g = history.solvers.length - 1 (its champions are the
 * last entries) against up to `samples` evenly spaced earlier generations.
 * Uses the reference interaction: a handful of pairs, and the reference agrees
 * with every kernel bit for bit.
 */
export function ciaoRow(domain: DomainInstance, history: ChampionHistory, samples: number): CiaoRow | null {
  const g = history.solvers.length - 1;
  if (g < 1) return null;
  const generations = evenlySpaced(g, samples);
  const solver = history.solvers[g]!;
  const challenger = history.challengers[g]!;
  return {
    generations,
    solver: generations.map((h) => domain.reference(solver, history.challengers[h]!) / domain.rawScale),
    challenger: generations.map((h) => 1 - domain.reference(history.solvers[h]!, challenger) / domain.rawScale),
  };
}

export function generationMetrics(args: {
  readonly generation: number;
  readonly games: Interactions;
  readonly fitness: Fitness;
  readonly solvers: Population;
  readonly challengers: Population;
  readonly ciao: CiaoRow | null;
  readonly probe: ProbeResult | null;
  readonly rng: Rng;
}): GenerationMetrics {
  const { games, ciao, probe, rng } = args;
  const e = engagement(games.matrix);
  return {
    generation: args.generation,
    solvers: { best: max(games.solverScores), mean: mean(games.solverScores), diversity: diversity(args.solvers, rng) },
    challengers: {
      best: max(games.challengerScores),
      mean: mean(games.challengerScores),
      diversity: diversity(args.challengers, rng),
    },
    engagement: { mean: e.mean, zeros: e.zeros, ones: e.ones, disengaged: e.disengaged },
    ciao: ciao ? { solver: mean(ciao.solver), challenger: mean(ciao.challenger), samples: ciao.generations.length } : null,
    probe: probe ? { score: probe.score, ...probe.details } : null,
  };
}
