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

interface Input {
  zeros?: number;
  ones?: number;
  solverWins?: number;
  challengerWins?: number;
  regress?: Regress;
  details?: Record<string, unknown> | null;
}

function run(inputs: Input[]) {
  let streaks: DetectorStreaks = IDLE_DETECTORS;
  const events: PathologyEvent[] = [];
  inputs.forEach((x, g) => {
    const r = detect(
      streaks,
      {
        engagement: { zeros: x.zeros ?? 0.2, ones: x.ones ?? 0.2, solverWins: x.solverWins ?? 0.45, challengerWins: x.challengerWins ?? 0.45 },
        regress: x.regress ?? NO_REGRESS, probeDetails: x.details ?? null },
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

  it('an episode is not ended by the roster thinning a side below the minimum', () => {
    // The pattern of a sorting-network run at a stride doubling: the champion
    // challenger fails against all 7 ancestral solvers its predecessors beat;
    // then the roster halves and 3 of them are left, while the solver side,
    // measured over 50, shows no regress.
    const before: Regress = { solver: 0, challenger: 1, solverOpponents: 50, challengerOpponents: 7 };
    const after: Regress = { solver: 0, challenger: 1, solverOpponents: 25, challengerOpponents: 3 };
    const events = run([...Array.from({ length: 12 }, () => ({ regress: before })), ...Array.from({ length: 30 }, () => ({ regress: after }))]);
    expect(events.map((e) => [e.phase, e.generation])).toEqual([['start', 9]]);
    // It still ends once the remaining evidence says so.
    const recovered: Regress = { ...after, challenger: 0 };
    const ended = run([
      ...Array.from({ length: 12 }, () => ({ regress: before })),
      ...Array.from({ length: 5 }, () => ({ regress: after })),
      ...Array.from({ length: 10 }, () => ({ regress: recovered })),
    ]);
    expect(ended.map((e) => [e.phase, e.generation, e.until])).toEqual([
      ['start', 9, null],
      ['end', 26, 16],
    ]);
    // Too few opponents still cannot start one.
    expect(run(Array.from({ length: 30 }, () => ({ regress: after })))).toEqual([]);
  });
});

describe('lopsided detector', () => {
  it('fires after 10 generations in which one side wins at least 70% of the games, naming it', () => {
    const events = run(Array.from({ length: 12 }, (_, g) => (g === 0 ? {} : { challengerWins: 0.74, solverWins: 0.26 })));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'lopsided', phase: 'start', generation: 10, since: 1, value: 0.74, threshold: 0.7, side: 'challengers' });
    expect(events[0]!.message).toBe('lopsided since generation 1: challengers win 74% of games (threshold 70%) for 10 generations');
  });

  it('does not fire on an engaged sequence, nor on a short lopsided stretch', () => {
    const engaged = Array.from({ length: 60 }, (_, g) => ({ solverWins: 0.45 + 0.2 * Math.sin(g), challengerWins: 0.45 - 0.2 * Math.sin(g) }));
    expect(Math.max(...engaged.map((x) => Math.max(x.solverWins, x.challengerWins)))).toBeLessThan(0.7);
    expect(run(engaged)).toEqual([]);
    expect(run([...Array.from({ length: 9 }, () => ({ solverWins: 0.99 })), {}, ...Array.from({ length: 9 }, () => ({ solverWins: 0.99 }))])).toEqual([]);
  });

  it('ends 10 generations after the contest evens out', () => {
    const events = run([...Array.from({ length: 15 }, () => ({ solverWins: 0.99, challengerWins: 0 })), ...Array.from({ length: 10 }, () => ({}))]);
    expect(events.map((e) => [e.phase, e.generation, e.since, e.until, e.side])).toEqual([
      ['start', 9, 0, null, 'solvers'],
      ['end', 24, 0, 14, 'solvers'],
    ]);
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
