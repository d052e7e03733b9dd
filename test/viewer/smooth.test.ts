/** The viewer's trailing moving mean (viewer/src/smooth.ts): its window is in generations, its edges hold what there is, nulls are skipped. */
import { describe, expect, it } from 'vitest';
import { movingMean, SMOOTHING_WINDOW } from '../../viewer/src/smooth.ts';

describe('movingMean', () => {
  it('averages the values of the last `window` generations', () => {
    const x = [0, 1, 2, 3, 4, 5];
    expect(movingMean(x, [0, 1, 0, 1, 0, 1], 2)).toEqual([0, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(movingMean(x, [3, 6, 9, 0, 0, 0], 3)).toEqual([3, 4.5, 6, 5, 3, 0]);
  });

  it('holds fewer generations at the start of the run, none from before it', () => {
    expect(movingMean([0, 1, 2], [1, 0, 0], 25)).toEqual([1, 0.5, 1 / 3]);
  });

  it('counts generations, not points, when the series is thinned', () => {
    // Every 10th generation kept: a 25-generation window holds 3 points (x - 25 < x' <= x).
    const x = [0, 10, 20, 30, 40];
    expect(movingMean(x, [1, 1, 1, 0, 0], 25)).toEqual([1, 1, 1, 2 / 3, 1 / 3]);
  });

  it('skips nulls, and is null only where the window has no value', () => {
    const x = [0, 1, 2, 3, 4, 5, 6];
    expect(movingMean(x, [null, 1, null, 3, null, null, null], 2)).toEqual([null, 1, 1, 3, 3, null, null]);
  });

  it('uses a 25-generation window by default and refuses a window under one generation', () => {
    expect(SMOOTHING_WINDOW).toBe(25);
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = x.map((i) => (i < 5 ? 1 : 0));
    expect(movingMean(x, y).at(-1)).toBe(0); // generations 5..29: all 0
    expect(movingMean(x, y)[28]).toBe(1 / 25); // generations 4..28
    expect(() => movingMean(x, y, 0)).toThrow(/window must be at least 1/);
  });
});
