/**
 * The records part of `redqueen analyze`: the best probed champion (probe
 * score, then the domain's cost, then the earliest generation, as the run's
 * best-probed.json ranks them) and the best valid solver: the run's
 * best-valid.json (re-checked here) or, when a champion of champions.bin
 * beats it or the file is missing (runs recorded before it existed), that
 * champion. Validity is always decided by the domain's exact check, never by
 * a rounded score.
 */
import { readFile } from 'node:fs/promises';
import type { DomainInstance } from '../domain/domain.ts';
import type { JsonValue } from '../basics/json.ts';
import type { ChampionHistory } from '../measures/champions.ts';
import { compareMeasures, measuresJson } from '../measures/records.ts';
import type { GenerationMetrics } from '../engine/metrics.ts';
import { runPaths } from '../run/run-dir.ts';

export interface BestProbed {
  readonly generation: number;
  readonly score: number;
  /** The domain's solverCost, when it has one. */
  readonly cost: number | null;
  readonly solver: JsonValue;
  readonly summary: string | null;
}

export interface BestValid {
  readonly generation: number;
  /** "sorts all 2^8 0/1 inputs". */
  readonly validity: string;
  readonly measures: Readonly<Record<string, number>>;
  readonly solver: JsonValue;
  readonly summary: string | null;
  /** Where it was found: the run's record, or the champions (a run without best-valid.json). */
  readonly source: 'best-valid.json' | 'champions.bin';
}

/** Ranked by probe score, then the domain's cost, then the earliest generation. */
export function bestProbed(domain: DomainInstance, metrics: readonly GenerationMetrics[], history: ChampionHistory): BestProbed | null {
  let best: { g: number; score: number; cost: number } | null = null;
  for (const m of metrics) {
    if (!m.probe) continue;
    const g = m.generation;
    const cost = domain.solverCost?.(history.solvers[g]!) ?? 0;
    const score = m.probe.score;
    if (!best || score > best.score || (score === best.score && cost < best.cost)) best = { g, score, cost };
  }
  if (!best) return null;
  const genome = history.solvers[best.g]!;
  return {
    generation: best.g,
    score: best.score,
    cost: domain.solverCost ? best.cost : null,
    solver: domain.solver.encode(genome),
    summary: domain.summarize?.(genome) ?? null,
  };
}

/** best-valid.json's solver and generation, if the file is there and its solver decodes and is valid. */
async function recordedValid(dir: string, domain: DomainInstance): Promise<{ generation: number; genome: Float32Array } | null> {
  const path = runPaths(dir).bestValid;
  let raw: { generation?: unknown; solver?: unknown };
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as typeof raw;
  } catch {
    return null;
  }
  if (typeof raw?.generation !== 'number') return null;
  const genome = domain.solver.decode(raw.solver, `${path} "solver"`);
  return domain.record?.isValid(genome) ? { generation: raw.generation, genome } : null;
}

export async function bestValid(dir: string, domain: DomainInstance, history: ChampionHistory): Promise<BestValid | null> {
  const hook = domain.record;
  if (!hook) return null;
  const recorded = await recordedValid(dir, domain);
  type Found = { generation: number; genome: Float32Array; measures: readonly number[]; source: BestValid['source'] };
  let best: Found | null = recorded ? { ...recorded, measures: hook.measure(recorded.genome), source: 'best-valid.json' } : null;
  // The champions too: a run recorded before best-valid.json existed has only them, and a
  // record can never be worse than its own champions (checked only when one would beat it).
  history.solvers.forEach((genome, g) => {
    const measures = hook.measure(genome);
    const order = best ? compareMeasures(measures, best.measures) || g - best.generation : -1;
    if (order < 0 && hook.isValid(genome)) best = { generation: g, genome, measures, source: 'champions.bin' };
  });
  const b = best as Found | null;
  if (!b) return null;
  return {
    generation: b.generation,
    validity: hook.validity,
    measures: measuresJson(domain, b.measures),
    solver: domain.solver.encode(b.genome),
    summary: domain.summarize?.(b.genome) ?? null,
    source: b.source,
  };
}
