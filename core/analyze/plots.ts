/**
 * The plots of `redqueen analyze`, as Vega-Lite specs rendered by
 * core/analyze/render.ts to SVG and PNG in DIR/analysis/:
 *   progress   CIAO means and regress of both sides and the probe over the
 *              generations, with detected pathologies shaded
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
import { sizesSpec } from './sizes-plot.ts';
import { lineChart, renderSvg, svgToPng, type ChartSpec, type LinePoint } from './render.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SOLVER = '#2563eb';
const CHALLENGER = '#ea580c';

function progressSpec(data: AnalysisData): ChartSpec {
  const rows: Array<{ x: number; y: number; series: string }> = [];
  for (const m of data.metrics) {
    const g = m.generation;
    if (m.ciao) {
      rows.push({ x: g, y: m.ciao.solver, series: 'CIAO solver' }, { x: g, y: m.ciao.challenger, series: 'CIAO challenger' });
    }
    if (m.regress.solver !== null) rows.push({ x: g, y: m.regress.solver, series: 'regress solver' });
    if (m.regress.challenger !== null) rows.push({ x: g, y: m.regress.challenger, series: 'regress challenger' });
    if (m.probe) rows.push({ x: g, y: m.probe.score, series: 'probe (outside the loop)' });
  }
  const last = data.analysis.generations - 1;
  const episodes = data.analysis.pathologies.map((p) => ({ from: p.since, to: p.until ?? last, kind: p.kind }));
  return {
    $schema: SCHEMA,
    title: `Arms race: ${data.analysis.domain}, seed ${data.analysis.seed}`,
    width: 640,
    height: 280,
    background: 'white',
    layer: [
      // Without episodes the shading layer would still draw an empty "pathology" legend.
      ...(episodes.length === 0
        ? []
        : [
            {
              data: { values: episodes },
              mark: { type: 'rect', opacity: 0.15 },
              encoding: {
                x: { field: 'from', type: 'quantitative' },
                x2: { field: 'to' },
                color: { field: 'kind', type: 'nominal', title: 'pathology', scale: { scheme: 'set1' } },
              },
            } as const,
          ]),
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.3, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'generation' },
          y: { field: 'y', type: 'quantitative', title: 'outcome / fraction', scale: { domain: [0, 1] } },
          stroke: {
            field: 'series',
            type: 'nominal',
            title: null,
            legend: { labelLimit: 260 },
            scale: {
              domain: ['CIAO solver', 'CIAO challenger', 'regress solver', 'regress challenger', 'probe (outside the loop)'],
              range: [SOLVER, CHALLENGER, '#93b4f5', '#f6ad7b', '#059669'],
            },
          },
          strokeDash: {
            condition: { test: "indexof(datum.series, 'regress') >= 0", value: [4, 3] },
            value: [1, 0],
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

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
export async function writePlots(data: AnalysisData, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const specs: Array<[string, ChartSpec]> = [
    ['progress', progressSpec(data)],
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
