/**
 * Static charts for reports (`redqueen analyze`) and benchmark write-ups.
 * Charts are described as Vega-Lite specs (a declarative grammar: the spec
 * says what is plotted, the library does axes, scales, legends and layout)
 * and rendered without a browser: Vega draws SVG in Node, resvg rasterises it
 * to PNG. Both are well kept and need no canvas or native build step.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';

export type ChartSpec = TopLevelSpec;

/** A Vega-Lite spec as a standalone SVG document. */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterise an SVG (at `scale` x its size) with the system's fonts. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}

/** One series point of a line chart. */
export interface LinePoint {
  readonly x: number;
  readonly y: number;
  readonly series: string;
}

/** The common case: one or more named series over a shared x axis. */
export function lineChart(args: {
  readonly title: string;
  readonly x: string;
  readonly y: string;
  readonly points: readonly LinePoint[];
  readonly logX?: boolean;
  readonly logY?: boolean;
  readonly yDomain?: readonly [number, number];
  /** Tick values for the x axis (e.g. the population sizes measured); the axis then spans exactly them. */
  readonly xTicks?: readonly number[];
  readonly width?: number;
  readonly height?: number;
  /** Fixed colours per series name (e.g. solvers blue, challengers orange); others get the default scheme. */
  readonly colors?: Readonly<Record<string, string>>;
}): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: args.title,
    width: args.width ?? 560,
    height: args.height ?? 260,
    background: 'white',
    data: { values: args.points.map((p) => ({ ...p })) },
    mark: { type: 'line', point: args.points.length <= 200, strokeWidth: 1.5 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: args.x,
        scale: {
          ...(args.logX ? { type: 'log' as const } : { zero: false }),
          ...(args.xTicks ? { domain: [Math.min(...args.xTicks), Math.max(...args.xTicks)], nice: false } : {}),
        },
        ...(args.xTicks ? { axis: { values: [...args.xTicks] } } : {}),
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: args.y,
        scale: args.logY ? { type: 'log' } : args.yDomain ? { domain: [...args.yDomain] } : { zero: false },
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        legend: { labelLimit: 260 },
        ...(args.colors ? { scale: { domain: Object.keys(args.colors), range: Object.values(args.colors) } } : {}),
      },
    },
  };
}
