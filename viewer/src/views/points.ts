/**
 * Number-game populations as points: solvers blue, challengers orange,
 * champions ringed, on labelled axes (dimension / resolution). The axes run
 * from 0 to the smallest of 1/16, 1/8, 1/4, 1/2, 1 that holds every player:
 * early populations sit near the origin and would be a speck on the whole
 * unit square, and steps of two keep the axes still between doublings, so
 * progress still reads as motion.
 * Coincident players are spread around their spot (points-spread.ts) so a
 * converged population shows as a patch whose size says how many are there.
 */
import type { Detail } from '../../../core/stream/protocol.ts';
import { CHALLENGER, SOLVER } from '../colors.ts';
import { scatterOf } from './points-data.ts';
import { spreadCoincident } from './points-spread.ts';

const EXTENTS = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1];

/** The axis extent for these points (with a margin so none sits on the frame). */
export function axisExtent(points: ReadonlyArray<readonly [number, number]>): number {
  const most = points.reduce((m, [x, y]) => Math.max(m, x, y), 0) * 1.05;
  return EXTENTS.find((e) => e >= most) ?? Math.max(1, most);
}

export function drawPoints(ctx: CanvasRenderingContext2D, w: number, h: number, detail: Detail): string {
  if (!detail.samples) return 'no population samples in this stream';
  const s = scatterOf(detail.samples, detail.best);
  const unit = Math.min(w, h);
  const font = Math.max(11, Math.round(unit / 40));
  // Room on the left and below for tick labels and axis titles.
  const padLeft = font * 4.2;
  const padBottom = font * 3.6;
  const padTop = font;
  const side = Math.min(w - padLeft - font, h - padBottom - padTop);
  const x0 = padLeft + (w - padLeft - font - side) / 2;
  const y0 = padTop;
  const extent = axisExtent([...s.solvers, ...s.challengers]);
  const px = (p: readonly [number, number]): [number, number] => [x0 + (p[0] / extent) * side, y0 + side - (p[1] / extent) * side];

  ctx.lineWidth = 1;
  ctx.font = `${font}px sans-serif`;
  ctx.fillStyle = '#6b7280';
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const label = String(Number((t * extent).toFixed(4)));
    ctx.strokeStyle = t === 0 || t === 1 ? '#9ca3af' : '#eceef1';
    ctx.beginPath();
    ctx.moveTo(x0 + t * side, y0);
    ctx.lineTo(x0 + t * side, y0 + side);
    ctx.moveTo(x0, y0 + side - t * side);
    ctx.lineTo(x0 + side, y0 + side - t * side);
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(label, x0 + t * side, y0 + side + font * 0.4);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, x0 - font * 0.4, y0 + side - t * side);
  }
  const one = s.dims < 2;
  ctx.fillStyle = '#374151';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('dimension 1 / resolution', x0 + side / 2, y0 + side + font * 3);
  ctx.save();
  ctx.translate(x0 - font * 3, y0 + side / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(one ? 'rank in population' : 'dimension 2 / resolution', 0, 0);
  ctx.restore();

  const r = Math.max(2.5, unit / 150);
  const cloud = (points: Array<[number, number]>, color: string) => {
    ctx.fillStyle = color;
    ctx.globalAlpha = 0.55;
    for (const [x, y] of spreadCoincident(points.map(px), 2 * r, r * 1.15)) {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  };
  cloud(s.challengers, CHALLENGER);
  cloud(s.solvers, SOLVER);
  for (const [p, color] of [
    [s.best.solver, SOLVER],
    [s.best.challenger, CHALLENGER],
  ] as const) {
    if (!p) continue;
    const [x, y] = px(p);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(x, y, r * 2.6, 0, 2 * Math.PI);
    ctx.stroke();
  }
  const axes = s.dims >= 2 ? `dimensions 1 and 2 of ${s.dims}` : 'one dimension (spread by rank)';
  return `${s.solvers.length} solvers, ${s.challengers.length} challengers shown; ${axes}; players on the same spot are spread around it`;
}
