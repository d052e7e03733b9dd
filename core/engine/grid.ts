/**
 * Spatial selection (Hillis 1990's demes): a population of N lies on a
 * toroidal grid, individual i at column i mod W, row floor(i / W), where W is
 * the largest divisor of N not above sqrt(N) (256 -> 16 x 16, 64 -> 8 x 8,
 * 200 -> 10 x 20). The child in cell i has parents chosen only from the
 * cells within Chebyshev distance `radius` of i (wrapping at the edges), by
 * a tournament among them, so good genomes spread a few cells a generation
 * and separate regions can follow different designs for a while before they
 * meet. Positions are the population's indices, so there is no state to
 * save: a checkpoint of the populations is a checkpoint of the grid.
 */
import type { Rng } from '../basics/rng.ts';

export const SELECTION_SCHEMES = ['tournament', 'grid'] as const;
export type SelectionScheme = (typeof SELECTION_SCHEMES)[number];

export interface GridShape {
  readonly width: number;
  readonly height: number;
}

export function gridShape(size: number): GridShape {
  let width = 1;
  for (let w = 1; w * w <= size; w++) if (size % w === 0) width = w;
  return { width, height: size / width };
}

/** The (2r+1)^2 cells around `cell`, itself included, row by row; the grid must be at least 2r+1 cells each way. */
export function neighbourhood(cell: number, shape: GridShape, radius: number): Int32Array {
  const { width, height } = shape;
  const x = cell % width;
  const y = Math.floor(cell / width);
  const side = 2 * radius + 1;
  const out = new Int32Array(side * side);
  let k = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    const row = ((y + dy + height) % height) * width;
    for (let dx = -radius; dx <= radius; dx++) out[k++] = row + ((x + dx + width) % width);
  }
  return out;
}

/** The grid is wide enough for the radius (no cell would be counted twice in a neighbourhood). */
export const gridFits = (size: number, radius: number): boolean => {
  const { width, height } = gridShape(size);
  return Math.min(width, height) >= 2 * radius + 1;
};

/** Winner of a tournament of `size` entrants drawn uniformly from `cells`; ties go to the lower index. */
export function localTournament(fitness: Float64Array, cells: Int32Array, size: number, rng: Rng): number {
  let best = cells[rng.int(cells.length)]!;
  for (let k = 1; k < size; k++) {
    const i = cells[rng.int(cells.length)]!;
    if (fitness[i]! > fitness[best]! || (fitness[i] === fitness[best] && i < best)) best = i;
  }
  return best;
}
