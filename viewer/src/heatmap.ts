/**
 * The interaction matrix on a plain canvas: one ImageData of rows x cols
 * cells (at most 256 x 256), scaled up without smoothing. Rows are solvers
 * and columns challengers, both sorted best first by the server.
 */
import { matrixValues } from '../../core/stream/matrix.ts';
import type { MatrixImage } from '../../core/stream/protocol.ts';
import { outcomeColor } from './colors.ts';

export function drawMatrix(canvas: HTMLCanvasElement, image: MatrixImage): void {
  const values = matrixValues(image);
  const cells = new ImageData(image.cols, image.rows);
  for (let i = 0; i < values.length; i++) outcomeColor(values[i]!, cells.data, i * 4);
  const off = document.createElement('canvas');
  off.width = image.cols;
  off.height = image.rows;
  off.getContext('2d')!.putImageData(cells, 0, 0);
  const ctx = fitCanvas(canvas);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

/** Match the canvas's pixel size to its CSS size (and the screen's density). */
export function fitCanvas(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return ctx;
}
