import { describe, expect, it } from 'vitest';
import { matrixImage, matrixValues, orderByScore } from '../../../core/stream/matrix.ts';
import { MATRIX_LEVELS } from '../../../core/stream/protocol.ts';
import { rngFromSeed } from '../../../core/basics/rng.ts';

function randomCase(seed: string, rows: number, cols: number, nanRate: number) {
  const rng = rngFromSeed(seed);
  const matrix = Float64Array.from({ length: rows * cols }, () => (rng.chance(nanRate) ? Number.NaN : rng.int(17) / 16));
  const rowScores = Float64Array.from({ length: rows }, () => rng.next());
  const colScores = Float64Array.from({ length: cols }, () => rng.next());
  return { matrix, rows, cols, rowScores, colScores };
}

describe('matrix image', () => {
  it('orders indices by descending score, ties by index', () => {
    expect([...orderByScore([0.2, 0.9, 0.2, 0.5])]).toEqual([1, 3, 0, 2]);
  });

  it('without downsampling, holds every cell (sorted by fitness) to within one quantum', () => {
    for (const seed of ['a', 'b', 'c']) {
      const c = randomCase(seed, 37, 23, 0.2);
      const img = matrixImage(c);
      expect([img.rows, img.cols, img.solvers, img.challengers]).toEqual([37, 23, 37, 23]);
      const values = matrixValues(img);
      const ro = orderByScore(c.rowScores);
      const co = orderByScore(c.colScores);
      for (let r = 0; r < 37; r++) {
        for (let k = 0; k < 23; k++) {
          const want = c.matrix[ro[r]! * 23 + co[k]!]!;
          const got = values[r * 23 + k]!;
          if (Number.isNaN(want)) expect(got).toBeNaN();
          else expect(Math.abs(got - want)).toBeLessThanOrEqual(0.5 / MATRIX_LEVELS + 1e-9);
        }
      }
    }
  });

  it('downsamples by averaging the met cells of each block', () => {
    const c = randomCase('d', 300, 90, 0.3);
    const img = matrixImage({ ...c, maxSide: 64 });
    expect([img.rows, img.cols]).toEqual([64, 64]);
    const values = matrixValues(img);
    // Recompute one block independently.
    const ro = orderByScore(c.rowScores);
    const co = orderByScore(c.colScores);
    const r0 = Math.round((10 * 300) / 64);
    const r1 = Math.round((11 * 300) / 64);
    const c0 = Math.round((20 * 90) / 64);
    const c1 = Math.round((21 * 90) / 64);
    let sum = 0;
    let met = 0;
    for (let i = r0; i < r1; i++) {
      for (let j = c0; j < c1; j++) {
        const v = c.matrix[ro[i]! * 90 + co[j]!]!;
        if (!Number.isNaN(v)) {
          sum += v;
          met++;
        }
      }
    }
    const got = values[10 * 64 + 20]!;
    if (met === 0) expect(got).toBeNaN();
    else expect(Math.abs(got - sum / met)).toBeLessThanOrEqual(0.5 / MATRIX_LEVELS + 1e-9);
  });

  it('a 256 x 256 matrix goes whole by default', () => {
    const img = matrixImage(randomCase('e', 256, 256, 0));
    expect([img.rows, img.cols]).toEqual([256, 256]);
    expect(matrixValues(img).length).toBe(65_536);
  });
});
