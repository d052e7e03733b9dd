/**
 * The size plot of `redqueen analyze` (domains with a record hook): each of
 * the domain's measures (sorting networks: comparators, depth) of every
 * generation's champion and of the best valid solver so far, from the
 * `records` field of metrics.jsonl, with the best value known as a dashed
 * line. One panel per measure, stacked.
 */
import type { AnalysisData } from './analyze.ts';
import type { ChartSpec } from './render.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const CHAMPION = '#2563eb';
const VALID = '#059669';
const KNOWN = '#6b7280';

interface SizeRow {
  readonly records?: {
    readonly champion: Readonly<Record<string, number>>;
    readonly valid: ({ readonly generation: number } & Readonly<Record<string, number>>) | null;
  };
}

/** Null when the domain has no measures or the run's lines carry no sizes (recorded before they existed). */
export function sizesSpec(data: AnalysisData): ChartSpec | null {
  const measures = data.analysis.measures;
  const rows = data.metrics.map((m) => ({ g: m.generation, r: (m as SizeRow).records }));
  if (!measures || !rows.some((x) => x.r)) return null;
  const panels = measures.map((m) => {
    const points: Array<{ x: number; y: number; series: string }> = [];
    for (const { g, r } of rows) {
      if (!r) continue;
      const c = r.champion[m.key];
      if (c !== undefined) points.push({ x: g, y: c, series: `champion ${m.label}` });
      const v = r.valid?.[m.key];
      if (v !== undefined) points.push({ x: g, y: v, series: `best valid ${m.label}` });
    }
    const series = [`champion ${m.label}`, `best valid ${m.label}`, ...(m.known !== null ? [`best known ${m.label}`] : [])];
    return {
      width: 640,
      height: 180,
      layer: [
        {
          data: { values: points },
          mark: { type: 'line', strokeWidth: 1.4, interpolate: 'step-after' },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: 'generation' },
            y: { field: 'y', type: 'quantitative', title: m.label, scale: { zero: false } },
            color: {
              field: 'series',
              type: 'nominal',
              title: null,
              legend: { labelLimit: 260 },
              scale: { domain: series, range: [CHAMPION, VALID, KNOWN] },
            },
          },
        },
        ...(m.known !== null
          ? [
              {
                data: { values: [{ y: m.known, series: `best known ${m.label}` }] },
                mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.2 },
                encoding: {
                  y: { field: 'y', type: 'quantitative' },
                  color: { field: 'series', type: 'nominal' },
                },
              },
            ]
          : []),
      ],
    };
  });
  return {
    $schema: SCHEMA,
    title: `Sizes: champion and best valid solver (${data.analysis.valid?.validity ?? 'valid'})`,
    background: 'white',
    vconcat: panels,
    resolve: { scale: { color: 'independent' } },
  } as ChartSpec;
}
