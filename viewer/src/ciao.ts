/**
 * The CIAO plot (Cliff & Miller 1995): each generation's champion solver
 * against the champion challengers of earlier generations. y = current
 * generation (down), x = ancestral generation (right); blue where the solver
 * wins. Steady progress shows as blue below the diagonal; cycling shows as
 * bands of orange reappearing far from it. Drawn into a fixed grid of cells so
 * a long run costs the same as a short one.
 */
import type { CiaoRowMessage } from '../../core/stream/protocol.ts';
import { outcomeColor } from './colors.ts';
import { fitCanvas } from './heatmap.ts';

const GRID = 200;

export function drawCiao(canvas: HTMLCanvasElement, rows: readonly CiaoRowMessage[]): void {
  const ctx = fitCanvas(canvas);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (rows.length === 0) return;
  const last = rows[rows.length - 1]!.generation;
  const span = Math.max(1, last);
  const n = Math.min(GRID, span + 1);
  const cells = new ImageData(n, n);
  cells.data.fill(255);
  const cell = (g: number) => Math.min(n - 1, Math.floor((g / span) * (n - 1) + 0.5));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const y0 = cell(row.generation);
    const y1 = r + 1 < rows.length ? cell(rows[r + 1]!.generation) : y0 + 1;
    for (let k = 0; k < row.generations.length; k++) {
      const x0 = cell(row.generations[k]!);
      const x1 = k + 1 < row.generations.length ? cell(row.generations[k + 1]!) : cell(row.generation);
      for (let y = y0; y < Math.max(y1, y0 + 1) && y < n; y++) {
        for (let x = x0; x < Math.max(x1, x0 + 1) && x <= y; x++) outcomeColor(row.solver[k]!, cells.data, (y * n + x) * 4);
      }
    }
  }
  const off = document.createElement('canvas');
  off.width = n;
  off.height = n;
  off.getContext('2d')!.putImageData(cells, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = 'rgba(0,0,0,0.25)';
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(canvas.width, canvas.height);
  ctx.stroke();
}
