/**
 * The scaling plot: interactions per second against population size, one
 * panel per domain, one line per backend (the domain's default kernel there,
 * worker pool, round robin) and a dashed one for the plain-TS reference, log
 * axes. SVG and a PNG beside it.
 *
 *   node --import tsx benchmarks/plot.ts RESULT.json docs/bench-scaling.svg
 *   (or npm run bench -- --plot docs/bench-scaling.svg)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { BACKENDS } from '../core/domain/backend-names.ts';
import { renderSvg, svgToPng, type ChartSpec } from '../core/analyze/render.ts';
import type { InteractionRecord } from './interactions.ts';

interface PlotInput {
  readonly date: string;
  readonly records: readonly InteractionRecord[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One point per measured size: the default kernel per backend, and the reference. */
export interface ScalingPoint {
  readonly domain: string;
  readonly population: number;
  readonly perSec: number;
  /** The backend, or 'plain-TS reference'. */
  readonly series: string;
}

const REFERENCE = 'plain-TS reference';

export function scalingPoints(records: readonly InteractionRecord[]): ScalingPoint[] {
  const main = records.filter((r) => r.variant === 'default' && r.threads === 'pool' && r.evaluation === 'round-robin');
  const points: ScalingPoint[] = main.map((r) => ({ domain: r.domain, population: r.population, perSec: r.interactionsPerSec, series: r.backend }));
  // The reference was timed beside every record: one point per size, the median of those timings.
  const refs = new Map<string, number[]>();
  for (const r of main) refs.set(`${r.domain}|${r.population}`, [...(refs.get(`${r.domain}|${r.population}`) ?? []), r.referencePerSec]);
  for (const [key, ys] of refs) {
    const [domain, population] = key.split('|') as [string, string];
    points.push({ domain, population: Number(population), perSec: median(ys), series: REFERENCE });
  }
  return points;
}

/** One panel per domain (their rates differ by orders of magnitude), backends in fixed colours. */
export function scalingChart(points: readonly ScalingPoint[], date: string): ChartSpec {
  const sizes = [...new Set(points.map((p) => p.population))].sort((a, b) => a - b);
  // Fixed colours per backend; the legend lists only what was measured.
  const colours = ['#7b3294', '#e66101', '#d6604d', '#1b7837', '#2166ac', '#555555'];
  const present = new Set(points.map((p) => p.series));
  const all = [...BACKENDS, REFERENCE];
  const series = all.filter((s) => present.has(s));
  const range = all.flatMap((s, i) => (present.has(s) ? [colours[i]!] : []));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Interaction throughput vs population size, default kernel per backend (${date.slice(0, 10)})`,
    background: 'white',
    data: { values: points.map((p) => ({ ...p })) },
    facet: { column: { field: 'domain', type: 'nominal', title: null, header: { labelFontSize: 13 } } },
    spec: {
      width: 300,
      height: 260,
      mark: { type: 'line', point: true, strokeWidth: 1.5 },
      encoding: {
        x: {
          field: 'population',
          type: 'quantitative',
          title: 'population (solvers = challengers, round robin)',
          scale: { type: 'log', domain: [sizes[0]!, sizes.at(-1)!], nice: false },
          axis: { values: sizes },
        },
        y: { field: 'perSec', type: 'quantitative', title: 'interactions per second', scale: { type: 'log' } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: series, range },
          legend: { orient: 'bottom', labelLimit: 300 },
        },
        strokeDash: { condition: { test: `datum.series === '${REFERENCE}'`, value: [5, 4] }, value: [1, 0] },
      },
    },
    resolve: { scale: { y: 'independent' } },
  } as ChartSpec;
}

/** Writes FILE.svg and FILE.png; returns their paths. */
export async function writePlot(result: PlotInput, svgPath: string): Promise<string[]> {
  const svg = await renderSvg(scalingChart(scalingPoints(result.records), result.date));
  const pngPath = svgPath.replace(/\.svg$/, '') + '.png';
  await writeFile(svgPath, svg);
  await writeFile(pngPath, svgToPng(svg));
  return [svgPath, pngPath];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: node --import tsx benchmarks/plot.ts RESULT.json OUT.svg\n');
    process.exit(2);
  }
  const result = JSON.parse(await readFile(input, 'utf8')) as PlotInput;
  process.stderr.write(`wrote ${(await writePlot(result, output)).join(', ')}\n`);
}
