import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTORS, detect, IDLE_DETECTORS, imbalance, type DetectorStreaks, type PathologyEvent } from '../../../core/measures/detectors.ts';
import { NO_REGRESS, type Regress } from '../../../core/measures/regress.ts';
import { advanceStreak, IDLE_STREAK } from '../../../core/measures/streak.ts';

describe('streaks', () => {
  it('start after k measured generations, skip unmeasured ones, end after k failures', () => {
    const conditions = [true, true, false, true, true, true, null, true, false, false, false];
    let s = IDLE_STREAK;
    const changes: Array<[number, string, number, number]> = [];
    conditions.forEach((c, g) => {
      const r = advanceStreak(s, c, g, 3);
      s = r.streak;
      if (r.change) changes.push([g, r.change, s.from, s.lastTrue]);
    });
    expect(changes).toEqual([
      [5, 'start', 3, 5],
      [10, 'end', 3, 7],
    ]);
    expect(s.active).toBe(false);
  });

  it('a failure shorter than k does not end it', () => {
    let s = IDLE_STREAK;
    for (const [g, c] of [true, false, true, false, false].entries()) s = advanceStreak(s, c, g, 1).streak;
    // k = 1: starts at 0, ends at 1, starts at 2, ends at 3.
    expect(s.active).toBe(false);
    let t = IDLE_STREAK;
    for (const [g, c] of [true, true, false, true].entries()) t = advanceStreak(t, c, g, 2).streak;
    expect(t.active).toBe(true);
  });
});

function run(inputs: Array<{ zeros?: number; ones?: number; regress?: Regress; details?: Record<string, unknown> | null }>) {
  let streaks: DetectorStreaks = IDLE_DETECTORS;
  const events: PathologyEvent[] = [];
  inputs.forEach((x, g) => {
    const r = detect(
      streaks,
      { engagement: { zeros: x.zeros ?? 0.2, ones: x.ones ?? 0.2 }, regress: x.regress ?? NO_REGRESS, probeDetails: x.details ?? null },
      g,
      DEFAULT_DETECTORS,
    );
    streaks = r.streaks;
    events.push(...r.events);
  });
  return events;
}

describe('disengagement detector', () => {
  it('fires after 5 generations with at least 95% of games won outright by one side', () => {
    const events = run([{}, { ones: 0.97 }, { ones: 0.96 }, { ones: 1 }, { ones: 0.99 }, { ones: 0.95 }, { ones: 1 }]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'disengagement', phase: 'start', generation: 5, since: 1, value: 0.95, threshold: 0.95 });
    expect(events[0]!.message).toMatch(/won outright by solvers/);
  });

  it('does not fire at 94%, nor for 4 generations, and ends after 5 engaged ones', () => {
    expect(run(Array.from({ length: 20 }, () => ({ zeros: 0.94 })))).toEqual([]);
    expect(run([{ zeros: 1 }, { zeros: 1 }, { zeros: 1 }, { zeros: 1 }, {}, { zeros: 1 }])).toEqual([]);
    const events = run([...Array.from({ length: 6 }, () => ({ zeros: 1 })), ...Array.from({ length: 5 }, () => ({}))]);
    expect(events.map((e) => [e.phase, e.generation, e.since, e.until])).toEqual([
      ['start', 4, 0, null],
      ['end', 10, 0, 5],
    ]);
    expect(events[0]!.message).toMatch(/challengers/);
  });
});

describe('cycling detector', () => {
  const cyc = (solver: number, opponents = 6): Regress => ({ solver, challenger: 0, solverOpponents: opponents, challengerOpponents: opponents });
  it('fires after 10 generations of regress >= 0.5 over >= 4 opponents', () => {
    const events = run([...Array.from({ length: 9 }, () => ({ regress: cyc(0.6) })), { regress: cyc(0.5) }]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'cycling', phase: 'start', generation: 9, since: 0, value: 0.5 });
    expect(run(Array.from({ length: 30 }, () => ({ regress: cyc(0.45) })))).toEqual([]);
  });

  it('ignores regress over too few opponents (unmeasured, not a failure)', () => {
    expect(run(Array.from({ length: 30 }, () => ({ regress: cyc(1, 3) })))).toEqual([]);
    // Unmeasured generations in the middle do not break the streak.
    const mixed = Array.from({ length: 15 }, (_, g) => ({ regress: g % 3 === 1 ? cyc(1, 2) : cyc(0.8) }));
    // Generations 1, 4, 7, 10, 13 are unmeasured, so the tenth measured one is 14.
    expect(run(mixed).map((e) => e.generation)).toEqual([14]);
  });
});

describe('focusing detector', () => {
  it('measures imbalance of the probe\'s dimensions', () => {
    expect(imbalance({ dimensions: [0.9, 0.2] })).toBeCloseTo(0.7 / 0.9, 12);
    expect(imbalance({ dimensions: [3, 3, 3] })).toBe(0);
    expect(imbalance({ dimensions: [0, 0] })).toBe(0);
    expect(imbalance({ dimensions: [1] })).toBeNull();
    expect(imbalance({ dimensions: [1, 'x'] })).toBeNull();
    expect(imbalance({ objective: 1 })).toBeNull();
    expect(imbalance(null)).toBeNull();
  });

  it('fires after 10 probed generations with the weakest dimension under half the strongest', () => {
    const skewed = { dimensions: [0.8, 0.3] };
    const balanced = { dimensions: [0.8, 0.7] };
    // Generations without a probe do not count either way.
    const inputs = Array.from({ length: 20 }, (_, g) => ({ details: g % 2 === 0 ? skewed : null }));
    expect(run(inputs).map((e) => [e.kind, e.generation, e.since])).toEqual([['focusing', 18, 0]]);
    expect(run(Array.from({ length: 30 }, () => ({ details: balanced })))).toEqual([]);
  });
});
