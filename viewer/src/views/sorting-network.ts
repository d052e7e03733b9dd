/** The champion network: wires left to right, comparators as vertical bars, grouped in parallel layers. */
import type { Detail } from '../../../core/stream/protocol.ts';
import { SOLVER } from '../colors.ts';
import { asNetwork, layoutNetwork } from './network-layout.ts';

export function drawSortingNetwork(ctx: CanvasRenderingContext2D, w: number, h: number, detail: Detail): string {
  const net = asNetwork(detail.best.solver);
  if (!net) return 'the champion is not a comparator network';
  const layout = layoutNetwork(net);
  const pad = 14 * (w / Math.max(1, ctx.canvas.clientWidth || w));
  const wireGap = (h - 2 * pad) / Math.max(1, net.inputs - 1);
  const colGap = (w - 2 * pad) / Math.max(1, layout.columns);
  const y = (wire: number) => pad + wire * wireGap;
  const x = (col: number) => pad + (col + 0.5) * colGap;
  // Alternate shading marks the parallel layers.
  for (let l = 0; l < layout.depth; l++) {
    if (l % 2) continue;
    ctx.fillStyle = 'rgba(37, 99, 235, 0.06)';
    const x0 = pad + layout.layerStarts[l]! * colGap;
    ctx.fillRect(x0, pad / 2, (layout.layerStarts[l + 1]! - layout.layerStarts[l]!) * colGap, h - pad);
  }
  ctx.strokeStyle = '#9ca3af';
  ctx.lineWidth = Math.max(1, wireGap / 14);
  for (let i = 0; i < net.inputs; i++) {
    ctx.beginPath();
    ctx.moveTo(pad / 2, y(i));
    ctx.lineTo(w - pad / 2, y(i));
    ctx.stroke();
  }
  const dot = Math.max(2, Math.min(wireGap / 4, colGap / 3));
  ctx.strokeStyle = SOLVER;
  ctx.fillStyle = SOLVER;
  ctx.lineWidth = Math.max(1.5, dot / 2.5);
  for (const c of layout.comparators) {
    ctx.beginPath();
    ctx.moveTo(x(c.column), y(c.i));
    ctx.lineTo(x(c.column), y(c.j));
    ctx.stroke();
    for (const wire of [c.i, c.j]) {
      ctx.beginPath();
      ctx.arc(x(c.column), y(wire), dot, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  return `${net.inputs} wires, ${net.comparators.length} comparators, depth ${layout.depth}`;
}
