/**
 * A condition that must hold for k consecutive measured generations before
 * it counts, and must fail for k consecutive measured generations before it
 * stops counting (hysteresis, so a flickering measure raises one event, not
 * dozens). Generations where the condition could not be measured (no probe
 * that generation, no opponent beaten yet) leave the streak as it was.
 */

export interface Streak {
  /** Consecutive measured generations the condition has held (while not active). */
  readonly run: number;
  /** First generation of the current run of the condition. */
  readonly from: number;
  /** Last generation the condition held. */
  readonly lastTrue: number;
  readonly active: boolean;
  /** Consecutive measured generations it has failed (while active). */
  readonly off: number;
}

export const IDLE_STREAK: Streak = { run: 0, from: -1, lastTrue: -1, active: false, off: 0 };

export type StreakChange = 'start' | 'end' | null;

export function advanceStreak(s: Streak, condition: boolean | null, g: number, k: number): { streak: Streak; change: StreakChange } {
  if (condition === null) return { streak: s, change: null };
  if (!s.active) {
    if (!condition) return { streak: { ...s, run: 0 }, change: null };
    const run = s.run + 1;
    const from = s.run === 0 ? g : s.from;
    if (run >= k) return { streak: { run, from, lastTrue: g, active: true, off: 0 }, change: 'start' };
    return { streak: { ...s, run, from, lastTrue: g }, change: null };
  }
  if (condition) return { streak: { ...s, lastTrue: g, off: 0 }, change: null };
  const off = s.off + 1;
  if (off >= k) return { streak: { ...IDLE_STREAK, lastTrue: s.lastTrue, from: s.from }, change: 'end' };
  return { streak: { ...s, off }, change: null };
}
