/** Number-game populations as points: solvers blue, challengers orange, champions ringed. */
import type { Detail } from '../../../core/stream/protocol.ts';
import { CHALLENGER, SOLVER } from '../colors.ts';
import { scatterOf } from './points-data.ts';

export function drawPoints(ctx: CanvasRenderingContext2D, w: number, h: number, detail: Detail): string {
  if (!detail.samples) return 'no population samples in this stream';
  const s = scatterOf(detail.samples, detail.best);
  // The unit square, square on screen and centred.
  const pad = 0.08 * Math.min(w, h);
  const side = Math.min(w, h) - 2 * pad;
  const x0 = (w - side) / 2;
  const y0 = pad;
  const px = (p: [number, number]) => [x0 + p[0] * side, y0 + side - p[1] * side] as const;
  ctx.strokeStyle = '#d1d5db';
  ctx.lineWidth = 1;
  ctx.strokeRect(x0, y0, side, side);
  ctx.fillStyle = '#6b7280';
  ctx.font = `${Math.round(pad * 0.45)}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('0', x0, y0 + side + pad * 0.6);
  ctx.fillText('1', x0 + side, y0 + side + pad * 0.6);
  ctx.textAlign = 'right';
  ctx.fillText('1', x0 - pad * 0.2, y0 + pad * 0.2);
  const r = Math.max(2.5, Math.min(w, h) / 120);
  const cloud = (points: Array<[number, number]>, color: string) => {
    ctx.fillStyle = color;
    ctx.globalAlpha = 0.6;
    for (const p of points) {
      const [x, y] = px(p);
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
  return `${s.solvers.length} solvers, ${s.challengers.length} challengers shown; ${axes}`;
}
