/** Coincident players are spread around their spot (viewer/src/views/points-spread.ts); lone ones stay where they are. */
import { describe, expect, it } from 'vitest';
import { spreadCoincident } from '../../viewer/src/views/points-spread.ts';

describe('spreadCoincident', () => {
  it('leaves points on distinct spots where they are', () => {
    expect(spreadCoincident([[10, 10], [50, 10], [10, 50]], 4, 3)).toEqual([[10, 10], [50, 10], [10, 50]]);
  });

  it('lays 64 copies of one point out as a patch of distinct positions that grows with the count', () => {
    const spread = spreadCoincident(Array.from({ length: 64 }, () => [100, 100] as const), 4, 3);
    expect(spread[0]).toEqual([100, 100]);
    expect(new Set(spread.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`)).size).toBe(64);
    const radius = (ps: Array<[number, number]>) => Math.max(...ps.map(([x, y]) => Math.hypot(x - 100, y - 100)));
    expect(radius(spread)).toBeCloseTo(3 * Math.sqrt(63), 6);
    expect(radius(spreadCoincident(Array.from({ length: 16 }, () => [100, 100] as const), 4, 3))).toBeCloseTo(3 * Math.sqrt(15), 6);
  });
});
