/** The domain view, chosen by the domain's `view` kind. Each draws the latest detail and returns a caption. */
import type { Detail } from '../../../core/stream/protocol.ts';
import type { ViewKind } from '../../../core/domain/domain.ts';
import { fitCanvas } from '../heatmap.ts';
import { drawCaSpaceTime } from './ca-spacetime.ts';
import { drawPoints } from './points.ts';
import { drawSortingNetwork } from './sorting-network.ts';

const VIEWS: Record<ViewKind, { title: string; draw(ctx: CanvasRenderingContext2D, w: number, h: number, d: Detail): string }> = {
  'sorting-network': { title: 'Champion network', draw: drawSortingNetwork },
  'ca-spacetime': { title: 'Champion rule, space-time', draw: drawCaSpaceTime },
  points: { title: 'Populations', draw: drawPoints },
};

export function viewTitle(kind: ViewKind): string {
  return VIEWS[kind].title;
}

export function drawDomainView(canvas: HTMLCanvasElement, kind: ViewKind, detail: Detail): string {
  const ctx = fitCanvas(canvas);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return VIEWS[kind].draw(ctx, canvas.width, canvas.height, detail);
}
