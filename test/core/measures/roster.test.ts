import { describe, expect, it } from 'vitest';
import { addToRoster, emptyRoster, joinsRoster, rosterRaw, type Roster } from '../../../core/measures/roster.ts';

/** Add generations 0..last with made-up raw outcomes 100 x solver generation + challenger generation. */
function build(max: number, last: number): Roster {
  let r = emptyRoster(max);
  for (let g = 0; g <= last; g++) {
    if (!joinsRoster(r, g)) continue;
    const row = r.generations.map((h) => 100 * g + h);
    const col = r.generations.map((h) => 100 * h + g);
    r = addToRoster(r, g, row, col, 101 * g);
  }
  return r;
}

describe('roster', () => {
  it('keeps every generation until full, then doubles its stride', () => {
    expect(build(4, 3).generations).toEqual([0, 1, 2, 3]);
    // 0..4 overflows: stride 2 keeps 0, 2, 4; 6 joins; 8 overflows again: stride 4.
    expect(build(4, 4).generations).toEqual([0, 2, 4]);
    expect(build(4, 7).generations).toEqual([0, 2, 4, 6]);
    const r = build(4, 9);
    expect(r.generations).toEqual([0, 4, 8]);
    expect(r.stride).toBe(4);
    expect(joinsRoster(r, 10)).toBe(false);
    expect(joinsRoster(r, 12)).toBe(true);
  });

  it('keeps each pair\'s outcome through thinning', () => {
    const r = build(5, 40);
    expect(r.generations.length).toBeLessThanOrEqual(5);
    expect(r.generations.length).toBeGreaterThanOrEqual(3);
    r.generations.forEach((gi, i) =>
      r.generations.forEach((gj, j) => expect(rosterRaw(r, i, j), `${gi} vs ${gj}`).toBe(100 * gi + gj)),
    );
  });

  it('a one-member roster keeps generation 0', () => {
    expect(build(1, 50).generations).toEqual([0]);
  });

  it('refuses a generation that does not join or is not newer', () => {
    const r = build(4, 9);
    expect(() => addToRoster(r, 10, [0, 0, 0], [0, 0, 0], 0)).toThrow(/cannot join/);
    expect(() => addToRoster(r, 8, [0, 0, 0], [0, 0, 0], 0)).toThrow(/cannot join/);
    expect(() => addToRoster(r, 12, [0, 0], [0, 0, 0], 0)).toThrow(/match/);
  });
});
