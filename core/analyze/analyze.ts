/**
 * `redqueen analyze DIR`: the arms-race report of a run from its files.
 * metrics.jsonl gives the per-generation measures and the detectors' events
 * (as the run wrote them); champions.bin gives every champion, from which
 * the dominance tournament is replayed in full and the master tournament is
 * played afresh over up to `roster` generations evenly spaced through the
 * run (all of them when the run is shorter). Nothing is written into the
 * run's own files.
 */
import { readFile, stat } from 'node:fs/promises';
import { evenlySpaced, type ChampionHistory } from '../measures/champions.ts';
import { readChampions } from '../run/champions-log.ts';
import { parseConfigFile, resolveConfig, type RunConfig } from '../run/config.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { UserError } from '../basics/errors.ts';
import type { GenerationMetrics } from '../engine/metrics.ts';
import { PATHOLOGIES, type Pathology, type PathologyEvent } from '../measures/detectors.ts';
import { dominanceTournament, type DominanceChains } from '../measures/dominance.ts';
import { championMatrix, masterFromRaw, summarizeMaster, type MasterSide, type MasterTournament } from '../measures/master.ts';
import { parseGenerationLines, runPaths } from '../run/run-dir.ts';
import { checkRunFiles, disagreement } from '../run/consistency.ts';
import { findDomain } from '../../populations/index.ts';
import { formatFraction } from '../basics/format.ts';
import { bestProbed, bestValid, type BestProbed, type BestValid } from './records.ts';

export const DEFAULT_ANALYZE_ROSTER = 128;

export interface Episode {
  readonly kind: Pathology;
  readonly since: number;
  /** Last generation the condition held; null when it still held at the end of the run. */
  readonly until: number | null;
  /** The generation the detector raised it. */
  readonly detectedAt: number;
  readonly message: string;
}

interface Quarters {
  readonly mean: number;
  readonly firstQuarter: number;
  readonly lastQuarter: number;
}

export interface RunAnalysis {
  readonly dir: string;
  readonly domain: string;
  readonly seed: string;
  readonly generations: number;
  readonly dominance: {
    readonly solvers: { readonly length: number; readonly generations: readonly number[] };
    readonly challengers: { readonly length: number; readonly generations: readonly number[] };
  };
  readonly pathologies: readonly Episode[];
  readonly ciao: { readonly solver: Quarters; readonly challenger: Quarters } | null;
  readonly regress: { readonly solver: number | null; readonly challenger: number | null };
  readonly master: { readonly generations: number; readonly solver: MasterSide; readonly challenger: MasterSide };
  readonly probe: {
    readonly label: string;
    readonly first: number;
    readonly last: number;
    /**
     * The best probed champion, in the domain's human format: highest score, then the
     * domain's lowest cost, then the earliest generation (chosen by the probe, so report it as such).
     */
    readonly best: BestProbed;
    readonly lastQuarter: number;
  } | null;
  /** The best valid solver of the run (domains with a record hook; null when none was valid). */
  readonly valid: BestValid | null;
  /** The domain's record measures (null without a record hook): what the size plot draws. */
  readonly measures: ReadonlyArray<{ readonly key: string; readonly label: string; readonly known: number | null }> | null;
}

/** Everything the report and its plots are made from. */
export interface AnalysisData {
  readonly analysis: RunAnalysis;
  readonly metrics: readonly GenerationMetrics[];
  readonly master: MasterTournament;
  /** Outcomes in [0, 1] of master.generations' champion solvers (rows) vs champion challengers (columns). */
  readonly matrix: Float64Array;
  readonly chains: DominanceChains;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function quarters(xs: readonly number[]): Quarters {
  const q = Math.max(1, Math.floor(xs.length / 4));
  return { mean: mean(xs), firstQuarter: mean(xs.slice(0, q)), lastQuarter: mean(xs.slice(xs.length - q)) };
}

/** Start/end event pairs -> episodes; a start without an end runs to the end of the run. */
export function episodesOf(events: readonly PathologyEvent[]): Episode[] {
  const open = new Map<Pathology, PathologyEvent>();
  const out: Episode[] = [];
  for (const e of events) {
    if (e.phase === 'start') open.set(e.kind, e);
    else {
      const s = open.get(e.kind);
      open.delete(e.kind);
      out.push({ kind: e.kind, since: e.since, until: e.until, detectedAt: s?.generation ?? e.since, message: s?.message ?? e.message });
    }
  }
  for (const s of open.values()) out.push({ kind: s.kind, since: s.since, until: null, detectedAt: s.generation, message: s.message });
  return out.sort((a, b) => a.since - b.since || PATHOLOGIES.indexOf(a.kind) - PATHOLOGIES.indexOf(b.kind));
}

async function readRun(dir: string): Promise<{ config: RunConfig; domain: DomainInstance; metrics: GenerationMetrics[] }> {
  const paths = runPaths(dir);
  try {
    if (!(await stat(dir)).isDirectory()) throw new UserError(`${dir}: not a directory; give the directory of a run (made by redqueen run --out DIR)`);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${dir}: no such directory; give the directory of a run (made by redqueen run --out DIR)`);
  }
  let run: unknown;
  try {
    run = JSON.parse(await readFile(paths.runJson, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${dir}: no run.json here; give the directory of a run (made by redqueen run --out DIR)`
        : `${paths.runJson}: not readable as JSON (${code ?? (e as Error).message})`,
    );
  }
  const stored = parseConfigFile((run as { config?: unknown } | null)?.config, `${paths.runJson} (config)`);
  const found = findDomain(stored.domain ?? '');
  if (!found) throw new UserError(`${paths.runJson}: unknown domain "${stored.domain}"`);
  const { config, instance } = resolveConfig(found, [{ source: paths.runJson, config: stored }]);
  // Read without the writer's lock: refuse files that no single writer leaves (two at once, an edit).
  const problem = await checkRunFiles(dir, instance.solver.length, instance.challenger.length);
  if (problem) throw new UserError(disagreement(dir, problem));
  let text: string;
  try {
    text = await readFile(paths.metrics, 'utf8');
  } catch {
    throw new UserError(`${paths.metrics}: missing; the run directory is incomplete`);
  }
  const metrics = parseGenerationLines(text).map((l) => l.value as unknown as GenerationMetrics);
  if (metrics.length === 0) throw new UserError(`${dir}: no generation has been played yet (metrics.jsonl is empty)`);
  if (metrics[0]!.dominance === undefined) {
    throw new UserError(`${paths.metrics}: written before the arms-race analysis existed; rerun it with this version`);
  }
  return { config, domain: instance, metrics };
}

/** The probe's label, from best.json (metrics.jsonl keeps only its score and details). */
async function probeLabel(dir: string): Promise<string | null> {
  try {
    const best = JSON.parse(await readFile(runPaths(dir).best, 'utf8')) as { probe?: { label?: unknown } } | null;
    return typeof best?.probe?.label === 'string' ? best.probe.label : null;
  } catch {
    return null;
  }
}

export async function analyzeRun(dir: string, roster = DEFAULT_ANALYZE_ROSTER): Promise<AnalysisData> {
  const { config, domain, metrics } = await readRun(dir);
  const G = metrics.length;
  const history: ChampionHistory = await readChampions(runPaths(dir).champions, G, domain.solver.length, domain.challenger.length);
  const chains = dominanceTournament(domain, history);
  const listed = evenlySpaced(G, roster);
  const raw = championMatrix(domain, history, listed);
  const master = masterFromRaw(listed, raw, domain.rawScale);
  const summary = summarizeMaster(master);
  const ciaoLines = metrics.filter((m) => m.ciao !== null);
  const probed = metrics.filter((m) => m.probe !== null);
  const regressOf = (side: 'solver' | 'challenger') => {
    const xs = metrics.map((m) => m.regress[side]).filter((x): x is number => x !== null);
    return xs.length ? mean(xs) : null;
  };
  let probe: RunAnalysis['probe'] = null;
  if (probed.length) {
    const scores = probed.map((m) => m.probe!.score);
    const label = (await probeLabel(dir)) ?? 'probe score';
    probe = {
      label,
      first: scores[0]!,
      last: scores[scores.length - 1]!,
      best: bestProbed(domain, probed, history)!,
      lastQuarter: quarters(scores).lastQuarter,
    };
  }
  const analysis: RunAnalysis = {
    dir,
    domain: config.domain,
    seed: config.seed,
    generations: G,
    dominance: {
      solvers: { length: chains.solvers.length, generations: chains.solvers },
      challengers: { length: chains.challengers.length, generations: chains.challengers },
    },
    pathologies: episodesOf(metrics.flatMap((m) => m.events ?? [])),
    ciao: ciaoLines.length
      ? { solver: quarters(ciaoLines.map((m) => m.ciao!.solver)), challenger: quarters(ciaoLines.map((m) => m.ciao!.challenger)) }
      : null,
    regress: { solver: regressOf('solver'), challenger: regressOf('challenger') },
    master: { generations: master.generations.length, ...summary },
    probe,
    valid: await bestValid(dir, domain, history),
    measures: domain.record ? domain.record.measures.map((m) => ({ key: m.key, label: m.label, known: m.known ?? null })) : null,
  };
  return { analysis, metrics, master, matrix: raw.map((x) => x / domain.rawScale), chains };
}

/** Three decimals, but never an imperfect 0.99963 as 1.000 (core/basics/format.ts). */
const f3 = (x: number) => formatFraction(x);

/** The report as lines of text for the terminal. */
export function reportText(a: RunAnalysis, files: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`Arms-race analysis of ${a.dir} (${a.domain}, seed ${a.seed}, ${a.generations} generations)`);
  const chain = (c: { length: number; generations: readonly number[] }) =>
    `${c.length}${c.length ? ` (last joined at generation ${c.generations[c.generations.length - 1]})` : ''}`;
  lines.push(`dominance tournament: solver chain ${chain(a.dominance.solvers)}, challenger chain ${chain(a.dominance.challengers)}`);
  if (a.pathologies.length === 0) lines.push('pathologies: none detected');
  else {
    lines.push('pathologies:');
    for (const p of a.pathologies) {
      lines.push(`  ${p.kind}: generations ${p.since}-${p.until ?? 'end'} (detected at ${p.detectedAt}); ${p.message}`);
    }
  }
  if (a.ciao) {
    const q = (x: Quarters) => `mean ${f3(x.mean)} (first quarter ${f3(x.firstQuarter)}, last quarter ${f3(x.lastQuarter)})`;
    lines.push(`CIAO: champion solvers vs ancestral challengers ${q(a.ciao.solver)}`);
    lines.push(`      champion challengers vs ancestral solvers ${q(a.ciao.challenger)}`);
  }
  const r = (x: number | null) => (x === null ? 'n/a' : f3(x));
  lines.push(`regress (mean): solver ${r(a.regress.solver)}, challenger ${r(a.regress.challenger)}`);
  const m = (s: MasterSide) =>
    `first quarter ${f3(s.firstQuarter)} -> last quarter ${f3(s.lastQuarter)}, best generation ${s.best.generation} (${f3(s.best.score)})`;
  lines.push(`master tournament over ${a.master.generations} generations: solvers ${m(a.master.solver)}`);
  lines.push(`${' '.repeat(`master tournament over ${a.master.generations} generations: `.length)}challengers ${m(a.master.challenger)}`);
  if (a.probe) {
    lines.push(
      `probe (${a.probe.label}, outside the loop): first ${f3(a.probe.first)}, last ${f3(a.probe.last)}, last-quarter mean ${f3(
        a.probe.lastQuarter,
      )}, best ${f3(a.probe.best.score)} at generation ${a.probe.best.generation}${
        a.probe.best.summary ? ` (${a.probe.best.summary})` : ''
      }`,
    );
    const solver = JSON.stringify(a.probe.best.solver);
    lines.push(`  its champion solver: ${solver.length <= 160 ? solver : 'in report.json (probe.best.solver)'}`);
  }
  if (a.measures) {
    const v = a.valid;
    if (!v) lines.push('best valid solver: none was valid');
    else {
      const size = v.summary ?? Object.entries(v.measures).map(([k, x]) => `${k} ${x}`).join(', ');
      const order = `fewest ${a.measures.map((m) => m.label).join(', then ')}, then earliest`;
      lines.push(`best valid solver (${v.validity}; ${order}): ${size}, first seen at generation ${v.generation}`);
      const solver = JSON.stringify(v.solver);
      lines.push(`  ${v.source === 'best-valid.json' ? 'best-valid.json' : 'its champion'}: ${solver.length <= 160 ? solver : 'in report.json (valid.solver)'}`);
    }
  }
  if (files.length) lines.push(`plots: ${files.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
