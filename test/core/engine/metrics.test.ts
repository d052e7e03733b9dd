import { describe, expect, it } from 'vitest';
import { diversity } from '../../../core/engine/metrics.ts';
import { engagement } from '../../../core/measures/engagement.ts';
import { populationOf } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';

describe('engagement', () => {
  it('counts zeros and ones among met pairs only', () => {
    const e = engagement(Float64Array.of(0, 1, 0.5, NaN, 0));
    expect(e).toEqual({ mean: 0.375, zeros: 0.5, ones: 0.25, solverWins: 0.25, challengerWins: 0.5, disengaged: false });
  });

  it('flags a matrix that is all 0 or all 1 as disengaged', () => {
    expect(engagement(Float64Array.of(1, 1, NaN, 1)).disengaged).toBe(true);
    expect(engagement(Float64Array.of(0, 0, 0)).disengaged).toBe(true);
    expect(engagement(Float64Array.of(0, 1)).disengaged).toBe(false);
  });
});

describe('diversity', () => {
  it('is 0 for clones and the mean differing fraction otherwise', () => {
    const clones = populationOf([Float32Array.of(1, 2), Float32Array.of(1, 2), Float32Array.of(1, 2)], 2);
    expect(diversity(clones, stream('d'))).toBe(0);
    // Pairs: (a,b) differ in 1 of 2 genes, (a,c) in 2, (b,c) in 1 -> mean (0.5 + 1 + 0.5) / 3.
    const pop = populationOf([Float32Array.of(0, 0), Float32Array.of(0, 1), Float32Array.of(1, 1)], 2);
    expect(diversity(pop, stream('d'))).toBeCloseTo(2 / 3, 12);
  });
});

