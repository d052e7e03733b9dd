/**
 * The `progress` plot of `redqueen analyze`: CIAO means, regress and the
 * probe over the generations, and below them one lane per pathology with its
 * episodes.
 *
 * Regress is drawn as a trailing moving mean over REGRESS_WINDOW generations:
 * per generation it is a fraction over a handful of roster opponents, often
 * exactly 0 or 1, and drawn raw it swings between the two every generation
 * (a barcode that hides the level). `--raw-regress` adds the raw values as
 * faint lines. Episodes get lanes of their own, each pathology one row and
 * one colour in the legend: shaded over the chart, overlapping episodes
 * blended into colours the legend did not list.
 */
import type { AnalysisData } from './analyze.ts';
import type { ChartSpec } from './render.ts';
import { movingMean } from '../basics/moving-mean.ts';
import { PATHOLOGIES } from '../measures/detectors.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SOLVER = '#2563eb';
const CHALLENGER = '#ea580c';
/** Generations averaged into each point of the regress lines. */
export const REGRESS_WINDOW = 25;
/** One colour per pathology (colour-blind-safe Okabe-Ito hues), in PATHOLOGIES order. */
const PATHOLOGY_COLORS = ['#cc79a7', '#d55e00', '#009e73', '#0072b2'];

export function progressSpec(data: AnalysisData, options: { rawRegress?: boolean } = {}): ChartSpec {
  const rows: Array<{ x: number; y: number; series: string }> = [];
  const smooth = `(mean of ${REGRESS_WINDOW} gen.)`;
  const names = {
    regressSolver: `regress solver ${smooth}`,
    regressChallenger: `regress challenger ${smooth}`,
  };
  const generations = data.metrics.map((m) => m.generation);
  const solverRegress = movingMean(generations, data.metrics.map((m) => m.regress.solver), REGRESS_WINDOW);
  const challengerRegress = movingMean(generations, data.metrics.map((m) => m.regress.challenger), REGRESS_WINDOW);
  data.metrics.forEach((m, i) => {
    const g = m.generation;
    if (m.ciao) rows.push({ x: g, y: m.ciao.solver, series: 'CIAO solver' }, { x: g, y: m.ciao.challenger, series: 'CIAO challenger' });
    if (solverRegress[i] !== null) rows.push({ x: g, y: solverRegress[i]!, series: names.regressSolver });
    if (challengerRegress[i] !== null) rows.push({ x: g, y: challengerRegress[i]!, series: names.regressChallenger });
    if (options.rawRegress) {
      if (m.regress.solver !== null) rows.push({ x: g, y: m.regress.solver, series: 'regress solver (raw)' });
      if (m.regress.challenger !== null) rows.push({ x: g, y: m.regress.challenger, series: 'regress challenger (raw)' });
    }
    if (m.probe) rows.push({ x: g, y: m.probe.score, series: 'probe (outside the loop)' });
  });
  const last = Math.max(data.analysis.generations - 1, 1);
  const x = { field: 'x', type: 'quantitative' as const, title: null, scale: { domain: [0, last] } };
  const series: Array<readonly [string, string]> = [
    ['CIAO solver', SOLVER],
    ['CIAO challenger', CHALLENGER],
    [names.regressSolver, '#6d8fe0'],
    [names.regressChallenger, '#f08c4a'],
  ];
  if (options.rawRegress) series.push(['regress solver (raw)', '#c7d6f8'], ['regress challenger (raw)', '#fad3b8']);
  series.push(['probe (outside the loop)', '#059669']);
  const episodes = data.analysis.pathologies.map((p) => ({ from: p.since, to: (p.until ?? last) + 1, kind: p.kind }));
  return {
    $schema: SCHEMA,
    title: `Arms race: ${data.analysis.domain}, seed ${data.analysis.seed}`,
    background: 'white',
    spacing: 6,
    vconcat: [
      {
        width: 640,
        height: 280,
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.3, clip: true },
        encoding: {
          x,
          y: { field: 'y', type: 'quantitative', title: 'outcome / fraction', scale: { domain: [0, 1] } },
          stroke: {
            field: 'series',
            type: 'nominal',
            title: null,
            legend: { orient: 'top', direction: 'horizontal', columns: 3, labelLimit: 400 },
            scale: { domain: series.map((s) => s[0]), range: series.map((s) => s[1]) },
          },
          strokeDash: {
            condition: { test: "indexof(datum.series, 'regress') >= 0", value: [4, 3] },
            value: [1, 0],
          },
        },
      },
      {
        // Every pathology has its lane (empty when it never fired), so the plots of different runs line up.
        width: 640,
        height: 16 * PATHOLOGIES.length,
        data: { values: episodes },
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'from', type: 'quantitative', title: 'generation', scale: { domain: [0, last] } },
          x2: { field: 'to' },
          y: { field: 'kind', type: 'nominal', title: null, scale: { domain: [...PATHOLOGIES] } },
          color: {
            field: 'kind',
            type: 'nominal',
            title: 'pathology episodes',
            scale: { domain: [...PATHOLOGIES], range: PATHOLOGY_COLORS },
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
