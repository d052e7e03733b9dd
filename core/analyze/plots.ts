/**
 * The plots of `redqueen analyze`, as Vega-Lite specs rendered by
 * core/analyze/render.ts to SVG and PNG in DIR/analysis/:
 *   progress   CIAO means and regress (smoothed) of both sides and the probe
 *              over the generations, with a lane per pathology
 *              (core/analyze/progress-plot.ts)
 *   master     master tournament score of each listed generation's champions
 *   matrix     the champion-vs-champion outcomes the master tournament is
 *              made of (below the diagonal: CIAO, current vs ancestral)
 *   dominance  lengths of the two dominance chains over the generations
 *   sizes      the domain's measures of the champion and of the best valid
 *              solver so far, with the best known (core/analyze/sizes-plot.ts)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisData } from './analyze.ts';
import { progressSpec } from './progress-plot.ts';
import { sizesSpec } from './sizes-plot.ts';
import { lineChart, renderSvg, svgToPng, type ChartSpec, type LinePoint } from './render.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SOLVER = '#2563eb';
const CHALLENGER = '#ea580c';

function masterSpec(data: AnalysisData): ChartSpec {
  const m = data.master;
  const points: LinePoint[] = [
    ...m.generations.map((g, i) => ({ x: g, y: m.solver[i]!, series: 'solver champions' })),
    ...m.generations.map((g, i) => ({ x: g, y: m.challenger[i]!, series: 'challenger champions' })),
  ];
  return lineChart({
    title: `Master tournament over ${m.generations.length} generations (each vs all champions of the other side)`,
    x: 'generation of the champion',
    y: 'mean score',
    points,
    yDomain: [0, 1],
    colors: { 'solver champions': SOLVER, 'challenger champions': CHALLENGER },
  });
}

function matrixSpec(data: AnalysisData): ChartSpec {
  const gens = data.master.generations;
  const n = gens.length;
  const cells: Array<{ solver: number; challenger: number; outcome: number }> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cells.push({ solver: gens[i]!, challenger: gens[j]!, outcome: data.matrix[i * n + j]! });
  return {
    $schema: SCHEMA,
    title: 'Champion vs champion (below the diagonal: CIAO)',
    width: 420,
    height: 420,
    background: 'white',
    data: { values: cells },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'challenger', type: 'ordinal', title: 'champion challenger of generation', axis: { labelOverlap: true } },
      y: { field: 'solver', type: 'ordinal', title: 'champion solver of generation', sort: 'descending', axis: { labelOverlap: true } },
      color: {
        field: 'outcome',
        type: 'quantitative',
        title: 'outcome',
        scale: { domain: [0, 0.5, 1], range: [CHALLENGER, '#f6f5f0', SOLVER], interpolate: 'rgb' },
      },
    },
  };
}

function dominanceSpec(data: AnalysisData): ChartSpec {
  const points: LinePoint[] = data.metrics.flatMap((m) => [
    { x: m.generation, y: m.dominance.solvers, series: 'solver chain' },
    { x: m.generation, y: m.dominance.challengers, series: 'challenger chain' },
  ]);
  return lineChart({
    title: 'Dominance tournament: chain lengths',
    x: 'generation',
    y: 'dominant strategies so far',
    points,
    colors: { 'solver chain': SOLVER, 'challenger chain': CHALLENGER },
  });
}

/** Render every plot to DIR/analysis/NAME.svg and .png; returns the paths written. */
export async function writePlots(data: AnalysisData, outDir: string, options: { rawRegress?: boolean } = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const specs: Array<[string, ChartSpec]> = [
    ['progress', progressSpec(data, options)],
    ['master', masterSpec(data)],
    ['matrix', matrixSpec(data)],
    ['dominance', dominanceSpec(data)],
  ];
  const sizes = sizesSpec(data);
  if (sizes) specs.push(['sizes', sizes]);
  const written: string[] = [];
  for (const [name, spec] of specs) {
    const svg = await renderSvg(spec);
    const svgPath = join(outDir, `${name}.svg`);
    const pngPath = join(outDir, `${name}.png`);
    await writeFile(svgPath, svg);
    await writeFile(pngPath, svgToPng(svg));
    written.push(svgPath, pngPath);
  }
  return written;
}
