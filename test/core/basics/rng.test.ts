import { describe, expect, it } from 'vitest';
import { permutation, stream } from '../../../core/basics/rng.ts';

const draw = (seed: string, ...path: Array<string | number>) => {
  const r = stream(seed, ...path);
  return Array.from({ length: 8 }, () => r.next());
};

describe('rng streams', () => {
  it('repeat exactly for the same seed and path', () => {
    expect(draw('7', 3, 'breed')).toEqual(draw('7', 3, 'breed'));
  });

  it('are independent across seeds, generations and purposes', () => {
    const base = draw('7', 3, 'breed');
    expect(draw('8', 3, 'breed')).not.toEqual(base);
    expect(draw('7', 4, 'breed')).not.toEqual(base);
    expect(draw('7', 3, 'pairing')).not.toEqual(base);
    // The separator keeps ("1", 23) and ("12", 3) apart.
    expect(draw('1', 23)).not.toEqual(draw('12', 3));
  });

  it('int(n) stays in range and hits every value', () => {
    const r = stream('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(7);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(7);
      seen.add(x);
    }
    expect(seen.size).toBe(7);
  });

  it('permutation is a permutation', () => {
    const p = permutation(50, stream('perm'));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
