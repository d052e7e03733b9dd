/**
 * The run's records: the best solvers seen so far, kept outside selection so
 * a run never loses its best network to drift. Two records:
 *   valid   the best valid solver (domain.record: exact validity, ranked by
 *           the domain's measures, lexicographically, lower first)
 *   probed  the best probed solver (ranked by probe score, higher first,
 *           then the domain's solverCost, lower first)
 * Remaining ties go to the earliest generation (then the champion, then the
 * lowest population index), so the records are a pure function of the generations played and a
 * resumed run's records equal an uninterrupted run's.
 *
 * Candidates for `valid`, each generation: the champion (always checked when
 * it would beat the record) and every other solver that was perfect on all
 * its games (one that lost a game is not valid), duplicates (equal in the
 * domain's human format) dropped, and only those that would beat the record;
 * they are checked best first, at most MAX_VALIDITY_CHECKS a generation, so a
 * population full of perfect but invalid networks costs a bounded number of
 * exhaustive checks. Candidates for `probed`: the probed
 * champions (the probe runs on the champion only).
 */
import type { DomainInstance, ProbeResult } from '../domain/domain.ts';
import type { JsonObject } from '../basics/json.ts';
import { genome, type Population } from '../basics/population.ts';

/** Most exhaustive validity checks per generation. */
export const MAX_VALIDITY_CHECKS = 16;

export interface ValidRecord {
  readonly generation: number;
  readonly genome: Float32Array;
  /** domain.record.measure(genome). */
  readonly measures: readonly number[];
}

export interface ProbedRecord {
  readonly generation: number;
  readonly genome: Float32Array;
  readonly score: number;
  /** domain.solverCost(genome), 0 without one. */
  readonly cost: number;
  readonly label: string;
  readonly details: JsonObject;
}

export interface RunRecords {
  readonly valid: ValidRecord | null;
  readonly probed: ProbedRecord | null;
}

export const NO_RECORDS: RunRecords = { valid: null, probed: null };

/** Lexicographic: negative when `a` ranks before (is smaller than) `b`. */
export function compareMeasures(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Does a probe result (score, cost) beat the record? Equal is not better: the earlier one stays. */
export function beatsProbed(score: number, cost: number, record: ProbedRecord | null): boolean {
  if (!record) return true;
  return score > record.score || (score === record.score && cost < record.cost);
}

/** What one generation offers the records. */
export interface RecordCandidates {
  readonly generation: number;
  /** The population that was evaluated (the state before breeding). */
  readonly solvers: Population;
  readonly champion: number;
  /** Indices of the solvers that won every game they played, ascending. */
  readonly perfect: readonly number[];
  /** The champion's probe result, when the probe ran this generation. */
  readonly probe: ProbeResult | null;
}

/** Rows of `matrix` (and of `past`, every pair met) whose met entries are all exactly 1. */
export function perfectSolvers(games: {
  readonly solvers: number;
  readonly challengers: number;
  readonly matrix: Float64Array;
  readonly pastChallengers: number;
  readonly pastChallengerMatrix: Float64Array;
}): number[] {
  const out: number[] = [];
  const C = games.challengers;
  const P = games.pastChallengers;
  for (let s = 0; s < games.solvers; s++) {
    let perfect = true;
    let met = 0;
    for (let c = 0; c < C && perfect; c++) {
      const m = games.matrix[s * C + c]!;
      if (Number.isNaN(m)) continue;
      met++;
      if (m !== 1) perfect = false;
    }
    for (let c = 0; c < P && perfect; c++) {
      met++;
      if (games.pastChallengerMatrix[s * P + c]! !== 1) perfect = false;
    }
    if (perfect && met > 0) out.push(s);
  }
  return out;
}

function nextValid(domain: DomainInstance, record: ValidRecord | null, c: RecordCandidates): ValidRecord | null {
  const hook = domain.record;
  if (!hook) return record;
  const beats = (measures: readonly number[]) => !record || compareMeasures(measures, record.measures) < 0;
  const found = (index: number, measures: readonly number[]): ValidRecord => ({
    generation: c.generation,
    genome: genome(c.solvers, index).slice(),
    measures,
  });
  // The champion is always checked, outside the budget: it is what the run reports.
  const champion = genome(c.solvers, c.champion);
  const championMeasures = hook.measure(champion);
  let best = beats(championMeasures) && hook.isValid(champion) ? found(c.champion, championMeasures) : null;
  const seen = new Set<string>([JSON.stringify(domain.solver.encode(champion))]);
  const ranked: Array<{ index: number; measures: readonly number[] }> = [];
  for (const index of c.perfect) {
    const g = genome(c.solvers, index);
    const measures = hook.measure(g);
    // Only those that would beat the record (and this generation's champion, if valid).
    if (!beats(measures) || (best && compareMeasures(measures, best.measures) >= 0)) continue;
    const key = JSON.stringify(domain.solver.encode(g));
    if (seen.has(key)) continue;
    seen.add(key);
    ranked.push({ index, measures });
  }
  ranked.sort((a, b) => compareMeasures(a.measures, b.measures) || a.index - b.index);
  for (const { index, measures } of ranked.slice(0, MAX_VALIDITY_CHECKS)) {
    // Best first, so the first valid one is the best of the rest.
    if (hook.isValid(genome(c.solvers, index))) {
      const other = found(index, measures);
      // Only strictly better ones got here: the champion keeps ties.
      best = other;
      break;
    }
  }
  return best ?? record;
}

function nextProbed(domain: DomainInstance, record: ProbedRecord | null, c: RecordCandidates): ProbedRecord | null {
  if (!c.probe) return record;
  const g = genome(c.solvers, c.champion);
  const cost = domain.solverCost?.(g) ?? 0;
  if (!beatsProbed(c.probe.score, cost, record)) return record;
  return { generation: c.generation, genome: g.slice(), score: c.probe.score, cost, label: c.probe.label, details: c.probe.details };
}

/** The records after one more generation (the same objects when nothing beat them). */
export function updateRecords(domain: DomainInstance, records: RunRecords, c: RecordCandidates): RunRecords {
  const valid = nextValid(domain, records.valid, c);
  const probed = nextProbed(domain, records.probed, c);
  return valid === records.valid && probed === records.probed ? records : { valid, probed };
}

/** Measures as a JSON object keyed by the domain's measure keys: {"comparators": 39, "depth": 9}. */
export function measuresJson(domain: DomainInstance, values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  domain.record?.measures.forEach((m, i) => (out[m.key] = values[i]!));
  return out;
}

/**
 * The `records` field of a metrics.jsonl line (domains with a record hook
 * only): this generation's champion's measures and the best valid solver so
 * far, what the size charts plot.
 */
export interface RecordsRow extends JsonObject {
  champion: Record<string, number>;
  valid: ({ generation: number } & Record<string, number>) | null;
}

export function recordsRow(domain: DomainInstance, champion: Float32Array, records: RunRecords): RecordsRow | null {
  const hook = domain.record;
  if (!hook) return null;
  const v = records.valid;
  return {
    champion: measuresJson(domain, hook.measure(champion)),
    valid: v ? { generation: v.generation, ...measuresJson(domain, v.measures) } : null,
  };
}

/** best-valid.json: the record in the domain's human format. */
export function validRecordJson(domain: DomainInstance, r: ValidRecord): JsonObject {
  return {
    generation: r.generation,
    validity: domain.record?.validity ?? 'valid',
    measures: measuresJson(domain, r.measures),
    solver: domain.solver.encode(r.genome),
    ...(domain.summarize ? { summary: domain.summarize(r.genome) } : {}),
  };
}

/** best-probed.json: the record in the domain's human format. */
export function probedRecordJson(domain: DomainInstance, r: ProbedRecord): JsonObject {
  return {
    generation: r.generation,
    probe: { label: r.label, score: r.score, ...r.details },
    ...(domain.solverCost ? { cost: r.cost } : {}),
    solver: domain.solver.encode(r.genome),
    ...(domain.summarize ? { summary: domain.summarize(r.genome) } : {}),
  };
}
