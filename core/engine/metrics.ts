/**
 * Per-generation measurements, written as one line of metrics.jsonl. Only
 * deterministic values belong here (timings go to timings.jsonl), so the same
 * seed, config and backend give a byte-identical file.
 */
import type { ProbeResult } from '../domain/domain.ts';
import type { Fitness, Interactions } from '../domain/games.ts';
import type { JsonObject } from '../basics/json.ts';
import type { Population } from '../basics/population.ts';
import type { Rng } from '../basics/rng.ts';
import type { ArmsRaceRow } from '../measures/arms-race.ts';
import type { CiaoRow } from '../measures/ciao.ts';
import type { PathologyEvent } from '../measures/detectors.ts';
import { engagement } from '../measures/engagement.ts';

export type { CiaoRow } from '../measures/ciao.ts';

/** Pairs compared for diversity; all pairs when the population has fewer. */
const DIVERSITY_PAIRS = 1024;

export interface SideStats {
  readonly best: number;
  readonly mean: number;
  readonly diversity: number;
}

export interface GenerationMetrics extends JsonObject {
  generation: number;
  solvers: { best: number; mean: number; diversity: number };
  challengers: { best: number; mean: number; diversity: number };
  engagement: { mean: number; zeros: number; ones: number; disengaged: boolean };
  ciao: { solver: number; challenger: number; samples: number } | null;
  probe: ({ score: number } & JsonObject) | null;
  /** Lengths of the dominance chains so far, and whether this generation's champions joined them. */
  dominance: { solvers: number; challengers: number; newSolver: boolean; newChallenger: boolean };
  /** Regress of this generation's champions (core/measures/regress.ts); null before any ancestral opponent was beaten. */
  regress: { solver: number | null; challenger: number | null };
  /** Pathologies that started or ended this generation (core/measures/detectors.ts). */
  events: PathologyEvent[];
  /*
   * Then the remedies' fields, in the list's order (core/remedies/index.ts):
   * `difficulty` (the difficulty this generation's new challengers were made
   * at; null without a schedule) and `archive` (Pareto archive members met
   * this generation, per side; null when the archives are off).
   */
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
  const { genes, length } = pop;
  // Indexes the flat genes: a subarray per genome, thousands a generation, cost more than the compare.
  const compare = (a: number, b: number): void => {
    const x = a * length;
    const y = b * length;
    let diff = 0;
    for (let g = 0; g < length; g++) if (genes[x + g] !== genes[y + g]) diff++;
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

export function generationMetrics(args: {
  readonly generation: number;
  readonly games: Interactions;
  readonly fitness: Fitness;
  readonly solvers: Population;
  readonly challengers: Population;
  readonly arms: ArmsRaceRow;
  readonly probe: ProbeResult | null;
  readonly rng: Rng;
  /** Fields the remedies add (Remedy.metrics), in the list's order. */
  readonly remedies: JsonObject;
}): GenerationMetrics {
  const { games, arms, probe, rng } = args;
  const ciao: CiaoRow | null = arms.ciao;
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
    dominance: { ...arms.dominance },
    regress: { solver: arms.regress.solver, challenger: arms.regress.challenger },
    events: arms.events,
    ...args.remedies,
  };
}
