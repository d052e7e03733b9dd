/**
 * The scaling plot: interactions per second against population size, one line
 * per backend (each domain's default kernel, worker pool, round robin) and
 * one for the plain-TS reference, log axes. SVG and a PNG beside it.
 *
 *   node --import tsx benchmarks/plot.ts RESULT.json docs/bench-scaling.svg
 *   (or npm run bench -- --plot docs/bench-scaling.svg)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { lineChart, renderSvg, svgToPng, type LinePoint } from '../core/plot/render.ts';
import type { InteractionRecord } from './interactions.ts';

interface PlotInput {
  readonly date: string;
  readonly records: readonly InteractionRecord[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export function scalingPoints(records: readonly InteractionRecord[]): LinePoint[] {
  const main = records.filter((r) => r.variant === 'default' && r.threads === 'pool' && r.evaluation === 'round-robin');
  const domains = new Set(main.map((r) => r.domain));
  const label = (domain: string, what: string) => (domains.size > 1 ? `${domain}: ${what}` : what);
  const points: LinePoint[] = main.map((r) => ({ x: r.population, y: r.interactionsPerSec, series: label(r.domain, `${r.backend} (${r.kernel})`) }));
  // The reference was timed beside every record: one point per size, the median of those timings.
  const refs = new Map<string, number[]>();
  for (const r of main) refs.set(`${r.domain}|${r.population}`, [...(refs.get(`${r.domain}|${r.population}`) ?? []), r.referencePerSec]);
  for (const [key, ys] of refs) {
    const [domain, population] = key.split('|') as [string, string];
    points.push({ x: Number(population), y: median(ys), series: label(domain, 'plain-TS reference') });
  }
  return points;
}

/** Writes FILE.svg and FILE.png; returns their paths. */
export async function writePlot(result: PlotInput, svgPath: string): Promise<string[]> {
  const points = scalingPoints(result.records);
  const spec = lineChart({
    title: `Interaction throughput vs population size (${result.date.slice(0, 10)})`,
    x: 'population (solvers = challengers, round robin)',
    y: 'interactions per second',
    points,
    xTicks: [...new Set(points.map((p) => p.x))].sort((a, b) => a - b),
    logX: true,
    logY: true,
  });
  const svg = await renderSvg(spec);
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
