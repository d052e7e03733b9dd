/**
 * The overview's overlay charts: one uPlot per measure with a line per
 * chosen run (two for measures with a side each), like TensorBoard's scalars.
 * Runs have their own generations, so their tables are aligned with
 * uPlot.join (gaps where a run has no point) rather than resampled.
 * The host carries what it draws as data attributes (series, points) for
 * tests and for anyone reading the page.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatFraction } from '../../core/basics/format.ts';

export interface OverlayLine {
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly x: readonly number[];
  readonly y: ReadonlyArray<number | null>;
}

export interface OverlayChart {
  set(lines: readonly OverlayLine[]): void;
  resize(): void;
}

export function overlayChart(host: HTMLElement, opts: { height: number; yRange?: [number, number] }): OverlayChart {
  let plot: uPlot | null = null;
  let lines: readonly OverlayLine[] = [];
  const draw = () => {
    plot?.destroy();
    const tables = lines.map((l) => [l.x as number[], l.y as Array<number | null>] as uPlot.AlignedData);
    const data: uPlot.AlignedData = tables.length ? uPlot.join(tables) : [[]];
    plot = new uPlot(
      {
        width: Math.max(240, host.clientWidth),
        height: opts.height,
        scales: { x: { time: false }, y: opts.yRange ? { auto: false, range: opts.yRange } : {} },
        axes: [
          { stroke: '#555', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' } },
          { stroke: '#555', grid: { stroke: '#eee' }, ticks: { stroke: '#ddd' }, size: 44 },
        ],
        series: [
          { label: 'gen' },
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: l.dashed ? 1.25 : 2,
            ...(l.dashed ? { dash: [5, 4] } : {}),
            spanGaps: true,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => (v == null ? '-' : formatFraction(v)),
          })),
        ],
        cursor: { drag: { x: false, y: false } },
        legend: { live: true },
      },
      data,
      host,
    );
    host.dataset.series = String(lines.length);
    host.dataset.points = String(lines.reduce((n, l) => n + l.y.filter((v) => v != null).length, 0));
    host.dataset.labels = lines.map((l) => l.label).join('|');
  };
  return {
    set(next) {
      lines = next;
      draw();
    },
    resize() {
      if (plot && Math.abs(host.clientWidth - plot.width) > 2) plot.setSize({ width: Math.max(240, host.clientWidth), height: opts.height });
    },
  };
}
