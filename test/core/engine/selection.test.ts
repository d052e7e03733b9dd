import { describe, expect, it } from 'vitest';
import { champion, ranking, tournament } from '../../../core/engine/selection.ts';
import { stream } from '../../../core/basics/rng.ts';

describe('selection', () => {
  const fitness = Float64Array.of(0.2, 0.9, 0.5, 0.9, 0.1);

  it('champion is the best, lowest index among ties', () => {
    expect(champion(fitness)).toBe(1);
  });

  it('ranking is best first and stable', () => {
    expect([...ranking(fitness)]).toEqual([1, 3, 2, 0, 4]);
  });

  it('tournaments favour fitter individuals', () => {
    const rng = stream('tournament');
    const wins = new Int32Array(5);
    for (let i = 0; i < 5000; i++) wins[tournament(fitness, 3, rng)]!++;
    expect(wins[1]! + wins[3]!).toBeGreaterThan(wins[2]!);
    expect(wins[2]!).toBeGreaterThan(wins[0]!);
    expect(wins[0]!).toBeGreaterThan(wins[4]!);
  });

  it('a tournament of size 1 is a uniform draw', () => {
    const rng = stream('uniform');
    const wins = new Int32Array(5);
    for (let i = 0; i < 10000; i++) wins[tournament(fitness, 1, rng)]!++;
    for (const w of wins) expect(Math.abs(w - 2000)).toBeLessThan(250);
  });
});
