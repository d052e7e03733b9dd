/** The shape check every evaluator makes before a batch (a wrong index would read another genome silently). */
import type { Population } from '../basics/population.ts';

export function checkShapes(rows: Population, cols: Population, opponents: Int32Array, width: number): void {
  if (opponents.length !== rows.size * width) {
    throw new Error(`opponents has ${opponents.length} entries, expected ${rows.size} x ${width}`);
  }
  for (const c of opponents) {
    if (c < 0 || c >= cols.size) throw new Error(`opponent index ${c} out of range 0..${cols.size - 1}`);
  }
}
