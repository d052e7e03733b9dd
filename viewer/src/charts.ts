/**
 * Time-series panels on uPlot. uPlot was chosen over general chart libraries
 * because it is built for exactly this: many points, appended continuously,
 * redrawn on one canvas in well under a millisecond for thousands of points,
 * with no framework and ~50 KB of code. (Heatmaps are plain canvas: one
 * ImageData per frame needs no library.)
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatFraction } from '../../core/basics/format.ts';
import { recentBand, zoomRange } from './zoom-range.ts';

export interface LineSpec {
  readonly label: string;
  readonly color: string;
  readonly dash?: number[];
  readonly width?: number;
  /** Drawn as a staircase (a best-so-far record): flat until the next value, then straight up. */
  readonly stepped?: boolean;
}

export interface LineChart {
  /**
   * `raw`, per line, the values a smoothed line was made from: under the
   * cursor the legend shows both ("0.412 · raw 0.600"), away from it the newest smoothed value.
   */
  setData(x: number[], ys: ReadonlyArray<ReadonlyArray<number | null>>, raw?: ReadonlyArray<ReadonlyArray<number | null> | null>): void;
  resize(width: number): void;
}

const GENERATION_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1e3, 2e3, 2500, 5e3, 1e4, 2e4, 25e3, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7, 1e8];

function lastValue(xs: ReadonlyArray<number | null> | undefined): number | null {
  if (!xs) return null;
  for (let i = xs.length - 1; i >= 0; i--) if (xs[i] != null) return xs[i]!;
  return null;
}

export function lineChart(
  host: HTMLElement,
  opts: {
    lines: readonly LineSpec[];
    height: number;
    /** A fixed y range, or 'zoom-unit': values in [0, 1] shown on the band they occupy lately (recentBand, zoomRange). */
    yRange?: [number, number] | 'zoom-unit';
    /** Whole-number values: legend without decimals. */
    integers?: boolean;
  },
): LineChart {
  const width = Math.max(200, host.clientWidth);
  const empty: uPlot.AlignedData = [[], ...opts.lines.map(() => [])];
  const range = opts.yRange;
  let rawData: ReadonlyArray<ReadonlyArray<number | null> | null> = [];
  const format = (v: number) => (opts.integers ? v.toFixed(0) : formatFraction(v));
  const plot = new uPlot(
    {
      width,
      height: opts.height,
      scales: {
        x: { time: false },
        y:
          range === 'zoom-unit'
            ? {
                range: (u) => {
                  const band = recentBand(u.data[0] as number[], u.data.slice(1) as Array<Array<number | null>>);
                  return zoomRange(band?.[0] ?? null, band?.[1] ?? null);
                },
              }
            : range
              ? { auto: false, range }
              : {},
      },
      axes: [
        // Generations are whole numbers: no ticks between them.
        { stroke: '#555', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, incrs: GENERATION_STEPS },
        { stroke: '#555', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, size: 44 },
      ],
      series: [
        { label: 'gen', value: (u, v) => String(v ?? lastValue(u.data[0] as ReadonlyArray<number | null>) ?? '-') },
        ...opts.lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: l.width ?? 1.5,
          ...(l.dash ? { dash: l.dash } : {}),
          ...(l.stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
          spanGaps: true,
          points: { show: false },
          // Away from the cursor the legend shows the newest value.
          value: (u: uPlot, v: number | null, si: number, di: number | null) => {
            const shown = v ?? lastValue(u.data[si] as ReadonlyArray<number | null> | undefined);
            // Never an imperfect value as 1.000 (core/basics/format.ts).
            const text = shown == null ? '-' : format(shown);
            const raw = di == null ? undefined : rawData[si - 1]?.[di];
            return raw == null ? text : `${text} · raw ${format(raw)}`;
          },
        })),
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
    },
    empty,
    host,
  );
  return {
    setData(x, ys, raw) {
      rawData = raw ?? [];
      plot.setData([x, ...ys] as uPlot.AlignedData);
    },
    resize(w) {
      if (Math.abs(w - plot.width) > 2) plot.setSize({ width: Math.max(200, w), height: opts.height });
    },
  };
}
