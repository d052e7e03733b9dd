import { describe, expect, it } from 'vitest';
import { stream } from '../../../core/basics/rng.ts';
import { configurationGenome, countOnes } from '../../../populations/density-classification/configuration.ts';
import { densityDifficulty } from '../../../populations/density-classification/difficulty.ts';

describe('density difficulty hook', () => {
  const size = 149;
  const hook = densityDifficulty(size);
  const spec = configurationGenome(size);
  const distanceAfter = (d: number, seed: number) => {
    const rng = stream('density-difficulty', seed);
    const ic = new Float32Array(size);
    spec.random(rng, ic);
    const side = 2 * countOnes(ic) > size;
    hook.apply(ic, d, rng);
    const ones = countOnes(ic);
    // The IC stays on its side of 1/2: its majority, and so its right answer, are unchanged.
    expect(2 * ones > size).toBe(side);
    return Math.abs(ones / size - 0.5);
  };

  it('d = 1 puts every IC as near 1/2 as an odd lattice allows: 74 or 75 ones', () => {
    for (let seed = 0; seed < 40; seed++) expect(distanceAfter(1, seed)).toBeCloseTo(0.5 / size, 12);
  });

  it('d = 0 leaves only ICs with at most 10% or at least 90% ones', () => {
    for (let seed = 0; seed < 40; seed++) {
      const x = distanceAfter(0, seed);
      expect(x).toBeGreaterThanOrEqual(0.4);
      expect(x).toBeLessThanOrEqual(0.5);
    }
  });

  it('d = 0.5 keeps the density 15% to 25% from 1/2', () => {
    for (let seed = 0; seed < 40; seed++) {
      const x = distanceAfter(0.5, seed);
      expect(x).toBeGreaterThanOrEqual(0.15);
      expect(x).toBeLessThanOrEqual(0.25 + 1e-12);
    }
  });
});
