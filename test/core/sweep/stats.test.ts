import { describe, expect, it } from 'vitest';
import { incompleteBeta, summarize, welch } from '../../../core/sweep/stats.ts';
import { parseSeeds, planSetups } from '../../../core/sweep/plan.ts';

describe('sweep statistics', () => {
  it('Welch t, df and p match hand-computed values', () => {
    const a = summarize([1, 2, 3, 4]);
    const b = summarize([2, 4, 6, 8]);
    expect(a.mean).toBe(2.5);
    expect(a.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    const w = welch(a, b)!;
    expect(w.t).toBeCloseTo(2.5 / Math.sqrt(5 / 12 + 20 / 12), 10);
    expect(w.df).toBeCloseTo((25 / 12) ** 2 / ((5 / 12) ** 2 / 3 + (20 / 12) ** 2 / 3), 10);
    // Two-sided p of t = 2 with 10 degrees of freedom (tables: 0.0734).
    expect(incompleteBeta(5, 0.5, 10 / 14)).toBeCloseTo(0.07339, 4);
    expect(welch(a, summarize([1]))).toBeNull();
  });

  it('parses seeds and setups, refusing bad ones with the flag named', () => {
    expect(parseSeeds('3..5')).toEqual(['3', '4', '5']);
    expect(parseSeeds('a,b')).toEqual(['a', 'b']);
    expect(() => parseSeeds('5..1')).toThrow(/--seeds 5\.\.1/);
    const [s] = planSetups({ domain: 'number-games' }, 'f.json', ['hallOfFame.sample=4,fitnessSharing=true']);
    expect(s!.config).toEqual({ domain: 'number-games', hallOfFame: { sample: 4 }, fitnessSharing: true });
    expect(() => planSetups({}, 'f.json', ['nonsense'])).toThrow(/--set nonsense/);
    expect(() => planSetups({}, 'f.json', ['seed=3'])).toThrow(/--seeds/);
  });
});
