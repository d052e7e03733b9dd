/**
 * From what the engine produces (a GenerationReport and the state after it)
 * to what viewers draw: a compact point for the charts and a detail for the
 * pictures. Points are built from the metrics.jsonl object alone, so a live
 * run and a replay of its files give the same points.
 */
import type { DomainInstance } from '../domain/domain.ts';
import type { GenerationMetrics } from '../engine/metrics.ts';
import { genome, type Population } from '../basics/population.ts';
import type { CoevolutionState } from '../engine/state.ts';
import type { GenerationReport } from '../engine/step.ts';
import type { RecordsRow, RunRecords } from '../measures/records.ts';
import { matrixImage, MATRIX_MAX_SIDE } from './matrix.ts';
import type { Detail, Json, Point, RecordEntry } from './protocol.ts';

/** Individuals per side sent for the 'points' view. */
export const SAMPLE_SIZE = 64;

/** Six significant decimals: plenty for a chart, and half the bytes of a double. */
export const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

/** As `round`, but a score below 1 stays below 1 (a 2^20-input probe can miss by less than 1e-6). */
export const roundScore = (x: number): number => {
  const r = round(x);
  return x < 1 && r >= 1 ? 0.999999 : r;
};

const side = (s: { best: number; mean: number; diversity: number }) => ({
  best: round(s.best),
  mean: round(s.mean),
  diversity: round(s.diversity),
});

/** A metrics.jsonl object (as written, or as read back) -> a chart point. */
export function pointFromMetrics(m: GenerationMetrics & { records?: RecordsRow }): Point {
  return {
    generation: m.generation,
    solvers: side(m.solvers),
    challengers: side(m.challengers),
    engagement: {
      mean: round(m.engagement.mean),
      zeros: round(m.engagement.zeros),
      ones: round(m.engagement.ones),
      disengaged: m.engagement.disengaged,
    },
    ciao: m.ciao ? { solver: round(m.ciao.solver), challenger: round(m.ciao.challenger) } : null,
    probe: m.probe ? roundScore(m.probe.score) : null,
    // Lines written before the arms-race analysis lack these fields.
    arms: m.dominance
      ? {
          regress: {
            solver: m.regress.solver === null ? null : round(m.regress.solver),
            challenger: m.regress.challenger === null ? null : round(m.regress.challenger),
          },
          dominance: { solvers: m.dominance.solvers, challengers: m.dominance.challengers },
        }
      : null,
    events: (m.events ?? []).map((e) => ({ ...e, value: round(e.value), threshold: round(e.threshold) })),
    records: m.records ? { champion: { ...m.records.champion }, valid: m.records.valid ? { ...m.records.valid } : null } : null,
    probeDimensions: probeDimensions(m.probe),
  };
}

/** The probe's `dimensions` detail when it is a list of numbers (number games), rounded for the chart. */
function probeDimensions(probe: GenerationMetrics['probe']): number[] | null {
  const dims = probe?.dimensions;
  return Array.isArray(dims) && dims.length > 0 && dims.every((x) => typeof x === 'number') ? dims.map(round) : null;
}

function recordEntry(domain: DomainInstance, r: { generation: number; genome: Float32Array; score?: number }): RecordEntry {
  return {
    generation: r.generation,
    solver: domain.solver.encode(r.genome),
    summary: domain.summarize ? domain.summarize(r.genome) : null,
    score: r.score === undefined ? null : r.score,
  };
}

/** Up to `k` individuals, evenly spaced through the population, in the human format. */
function sample(pop: Population, encode: (g: Float32Array) => Json, k: number): Json[] {
  const n = Math.min(k, pop.size);
  return Array.from({ length: n }, (_, i) => encode(genome(pop, Math.floor((i * pop.size) / n))));
}

export function detailOf(
  domain: DomainInstance,
  report: GenerationReport,
  state: CoevolutionState,
  maxSide: number = MATRIX_MAX_SIDE,
  records?: RunRecords,
): Detail {
  const g = report.generation;
  // The champions as recorded in the history: `state` is already the next generation.
  const solver = state.champions.solvers[g]!;
  const challenger = state.champions.challengers[g]!;
  const { games } = report;
  return {
    matrix: matrixImage({
      matrix: games.matrix,
      rows: games.solvers,
      cols: games.challengers,
      rowScores: report.fitness.solvers,
      colScores: report.fitness.challengers,
      maxSide,
    }),
    ciao: report.ciao
      ? {
          generation: g,
          generations: [...report.ciao.generations],
          solver: report.ciao.solver.map(round),
          challenger: report.ciao.challenger.map(round),
        }
      : null,
    probe: report.probe ? { score: roundScore(report.probe.score), label: report.probe.label, details: report.probe.details } : null,
    best: {
      solver: domain.solver.encode(solver),
      challenger: domain.challenger.encode(challenger),
      summary: domain.summarize ? domain.summarize(solver) : null,
    },
    master: {
      generations: [...report.arms.master.generations],
      solver: report.arms.master.solver.map(round),
      challenger: report.arms.master.challenger.map(round),
    },
    samples:
      domain.view === 'points'
        ? {
            solvers: sample(state.solvers, (x) => domain.solver.encode(x), SAMPLE_SIZE),
            challengers: sample(state.challengers, (x) => domain.challenger.encode(x), SAMPLE_SIZE),
          }
        : null,
    records: records
      ? {
          valid: records.valid ? recordEntry(domain, records.valid) : null,
          probed: records.probed ? recordEntry(domain, records.probed) : null,
        }
      : null,
  };
}
