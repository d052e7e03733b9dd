/**
 * What one played generation adds to a run's files, as pure functions: the
 * records after it and its metrics.jsonl object (loop.ts writes them; the
 * browser build, viewer/src/web/, keeps them in memory), and best.json.
 */
import type { JsonObject } from '../basics/json.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { CoevolutionState } from '../engine/state.ts';
import type { GenerationMetrics } from '../engine/metrics.ts';
import type { GenerationReport } from '../engine/step.ts';
import {
  perfectSolvers,
  probedRecordJson,
  recordsRow,
  updateRecords,
  validRecordJson,
  type RecordsRow,
  type RunRecords,
} from '../measures/records.ts';

export interface GenerationLine {
  readonly records: RunRecords;
  /** The records field of the line (domains with a record hook), else null. */
  readonly row: RecordsRow | null;
  /** The metrics.jsonl object, serialized with JSON.stringify. */
  readonly line: GenerationMetrics;
}

/** `state` played generation `report.generation` and became `next`. */
export function generationLine(
  domain: DomainInstance,
  records: RunRecords,
  state: CoevolutionState,
  next: CoevolutionState,
  report: GenerationReport,
): GenerationLine {
  const g = report.generation;
  const after = updateRecords(domain, records, {
    generation: g,
    solvers: state.solvers,
    champion: report.champions.solver,
    perfect: perfectSolvers(report.games),
    probe: report.probe,
  });
  // Domains with a record hook add the sizes the charts plot; the others' lines are unchanged.
  const row = recordsRow(domain, next.champions.solvers[g]!, after);
  const line = row ? { ...report.metrics, records: row } : report.metrics;
  return { records: after, row, line };
}

/** A generation's timings.jsonl object: its wall-clock split (not deterministic) and the host-side records time. */
export function timingsLine(report: GenerationReport, backend: string, recordsMs: number): JsonObject {
  const t = report.timings;
  return {
    generation: report.generation,
    backend,
    pairs: report.games.pairs,
    interactionsPerSec: report.games.pairs / Math.max(t.evaluation / 1000, 1e-9),
    seconds: (t.evaluation + t.metrics + t.variation) / 1000,
    ...t,
    records: recordsMs,
  };
}

/** The record files (best-valid.json, best-probed.json, by their RunPaths keys) to rewrite: those whose record differs from `before`. */
export function changedRecordFiles(
  domain: DomainInstance,
  records: RunRecords,
  before: RunRecords,
): { readonly bestValid?: JsonObject; readonly bestProbed?: JsonObject } {
  return {
    ...(records.valid && records.valid !== before.valid ? { bestValid: validRecordJson(domain, records.valid) } : {}),
    ...(records.probed && records.probed !== before.probed ? { bestProbed: probedRecordJson(domain, records.probed) } : {}),
  };
}

/** The latest champions in the domain's human format. */
export function bestJson(domain: DomainInstance, state: CoevolutionState): JsonObject {
  const g = state.champions.solvers.length - 1;
  if (g < 0) return { generation: null, solver: null, challenger: null };
  const solver = state.champions.solvers[g]!;
  const challenger = state.champions.challengers[g]!;
  const probe = domain.probe?.({
    solver,
    challenger,
    solvers: state.solvers,
    challengers: state.challengers,
    generation: g,
    seed: 'best',
  });
  return {
    generation: g,
    solver: domain.solver.encode(solver),
    challenger: domain.challenger.encode(challenger),
    ...(domain.summarize ? { summary: domain.summarize(solver) } : {}),
    ...(probe ? { probe: { label: probe.label, score: probe.score, ...probe.details } } : {}),
  };
}
