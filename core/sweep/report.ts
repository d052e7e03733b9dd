/**
 * A sweep's table: for each setup and measure, mean +- sd [min, max] over the
 * seeds, and Welch's t against the first setup. A run's value of a measure is
 * the mean of that metrics field (a dotted path: "solvers.best",
 * "probe.score") over the last quarter of its generations, ignoring the
 * generations where it is null (the probe runs every few generations).
 */
import { readFile } from 'node:fs/promises';
import type { JsonObject } from '../basics/json.ts';
import { runPaths } from '../run/run-dir.ts';
import type { Setup } from './plan.ts';
import type { JobOutcome } from './runner.ts';
import { summarize, welch, type Summary, type Welch } from './stats.ts';

export const DEFAULT_MEASURES = ['solvers.best', 'solvers.mean', 'engagement.mean', 'probe.score'] as const;

function field(line: unknown, path: readonly string[]): number | null {
  let v: unknown = line;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The run's value of each measure (null when the field never has a number in the last quarter). */
export async function runValues(dir: string, measures: readonly string[]): Promise<(number | null)[]> {
  const text = await readFile(runPaths(dir).metrics, 'utf8');
  const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  const tail = lines.slice(Math.floor((lines.length * 3) / 4));
  return measures.map((m) => {
    const xs = tail.map((l) => field(l, m.split('.'))).filter((x): x is number => x !== null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  });
}

export interface SetupRow {
  readonly setup: string;
  readonly dir: string;
  readonly runs: number;
  readonly failed: number;
  readonly measures: Record<string, Summary & { readonly values: readonly number[]; readonly vsFirst: Welch | null }>;
}

export async function sweepTable(setups: readonly Setup[], outcomes: readonly JobOutcome[], measures: readonly string[]): Promise<SetupRow[]> {
  const rows: SetupRow[] = [];
  let first: Summary[] | undefined;
  for (const setup of setups) {
    const mine = outcomes.filter((o) => o.job.setup === setup);
    const ok = mine.filter((o) => o.ok);
    const values = await Promise.all(ok.map((o) => runValues(o.job.dir, measures)));
    const summaries = measures.map((_, i) => summarize(values.map((v) => v[i]).filter((x): x is number => x !== null && x !== undefined)));
    first ??= summaries;
    rows.push({
      setup: setup.name,
      dir: setup.slug,
      runs: ok.length,
      failed: mine.length - ok.length,
      measures: Object.fromEntries(
        measures.map((m, i) => [
          m,
          {
            ...summaries[i]!,
            values: values.map((v) => v[i]).filter((x): x is number => x !== null && x !== undefined),
            vsFirst: rows.length === 0 ? null : welch(first![i]!, summaries[i]!),
          },
        ]),
      ),
    });
  }
  return rows;
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');

export function markdown(rows: readonly SetupRow[], measures: readonly string[]): string {
  const head = `| setup | runs | ${measures.map((m) => `${m} (mean +- sd [min, max]) | t vs first (p)`).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(2 + measures.length * 2)}`;
  const body = rows.map((r) => {
    const cells = measures.flatMap((m) => {
      const s = r.measures[m]!;
      const w = s.vsFirst;
      return [`${f(s.mean)} +- ${f(s.sd)} [${f(s.min)}, ${f(s.max)}]`, w ? `${w.t.toFixed(2)} (${w.p.toFixed(3)})` : '-'];
    });
    return `| ${r.setup} | ${r.runs}${r.failed ? ` (${r.failed} failed)` : ''} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...body].join('\n') + '\n';
}

export function tableJson(rows: readonly SetupRow[]): JsonObject[] {
  return rows.map((r) => JSON.parse(JSON.stringify(r)) as JsonObject);
}
