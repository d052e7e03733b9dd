import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, evenlySpaced, recordChampions, sampleHallOfFame } from '../../../core/measures/champions.ts';
import { genome } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';

describe('champion history', () => {
  it('records copies, not views', () => {
    const g = Float32Array.of(1, 2);
    const h = recordChampions(EMPTY_HISTORY, g, Float32Array.of(3));
    g[0] = 99;
    expect([...h.solvers[0]!]).toEqual([1, 2]);
    expect(EMPTY_HISTORY.solvers.length).toBe(0);
  });

  it('samples k distinct members, all when there are few', () => {
    const members = Array.from({ length: 30 }, (_, i) => Float32Array.of(i));
    const s = sampleHallOfFame(members, 5, 1, stream('hof'));
    const picked = Array.from({ length: 5 }, (_, i) => genome(s, i)[0]);
    expect(new Set(picked).size).toBe(5);
    expect(sampleHallOfFame(members.slice(0, 3), 5, 1, stream('hof')).size).toBe(3);
  });

  it('samples every member sometimes', () => {
    const members = Array.from({ length: 10 }, (_, i) => Float32Array.of(i));
    const rng = stream('cover');
    const seen = new Set<number>();
    for (let k = 0; k < 50; k++) {
      const s = sampleHallOfFame(members, 2, 1, rng);
      seen.add(genome(s, 0)[0]!);
      seen.add(genome(s, 1)[0]!);
    }
    expect(seen.size).toBe(10);
  });

  it('evenly spaced generations keep the first and the latest', () => {
    expect(evenlySpaced(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(evenlySpaced(101, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(evenlySpaced(50, 1)).toEqual([49]);
  });
});
