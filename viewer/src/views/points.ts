/** Number-game populations as points: solvers blue, challengers orange, champions ringed. */
import type { Detail } from '../../../core/stream/protocol.ts';
import { CHALLENGER, SOLVER } from '../colors.ts';
import { scatterOf } from './points-data.ts';

export function drawPoints(ctx: CanvasRenderingContext2D, w: number, h: number, detail: Detail): string {
  if (!detail.samples) return 'no population samples in this stream';
  const s = scatterOf(detail.samples, detail.best);
  const pad = 0.06 * Math.min(w, h);
  const px = (p: [number, number]) => [pad + p[0] * (w - 2 * pad), h - pad - p[1] * (h - 2 * pad)] as const;
  ctx.strokeStyle = '#d1d5db';
  ctx.lineWidth = 1;
  ctx.strokeRect(pad, pad, w - 2 * pad, h - 2 * pad);
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
