/**
 * Pathology detectors. Each turns one per-generation measure into a
 * condition, holds it to a streak (streak.ts), and raises an event
 * when the streak starts and when it ends. Events go into metrics.jsonl (so
 * they are as deterministic as the rest of the line) and into the stream.
 *
 *  disengagement  the interaction matrix is nearly all 0 or all 1: at least
 *                 `share` (default 95%) of the games played between the
 *                 current populations end exactly 0 (challengers win
 *                 outright) or exactly 1 (solvers win outright), for
 *                 `generations` (default 5) generations. Selection then has
 *                 almost no gradient on either side.
 *  cycling        regress (regress.ts) of either side's champion is
 *                 at least `regress` (default 0.5) over at least `opponents`
 *                 (default 4) roster opponents, for `generations` (default
 *                 10) generations: champions keep losing to ancestral
 *                 opponents their predecessors had beaten. While an episode
 *                 is on, a side stays measured down to one opponent: the
 *                 roster halves its members whenever its stride doubles
 *                 (roster.ts), which can take a side below `opponents`
 *                 overnight, and that bookkeeping must not end an episode
 *                 the remaining evidence still shows (nor hand the verdict
 *                 to the other side).
 *  focusing       the probe reports per-dimension objective values
 *                 (details.dimensions, as the number games do) and the
 *                 champion solver's imbalance (max - min) / max|value| is at
 *                 least `imbalance` (default 0.5: the weakest dimension under
 *                 half the strongest) for `generations` (default 10) probed
 *                 generations: over-specialisation on some dimensions.
 *  lopsided       one side wins at least `share` (default 70%) of the games
 *                 between the current populations (beat rule, beat.ts: draws
 *                 count for neither), for `generations` (default 10)
 *                 generations. The matrix may still have a gradient (so no
 *                 disengagement), but one side is not being challenged: its
 *                 opponents' CIAO and dominance chain stall. 70% is the
 *                 share a number game reaches when one side loses about
 *                 three games in four, which an even contest rarely holds
 *                 for ten generations running; a sorting network that
 *                 sorts more than half of a test set wins that game, so a
 *                 sorting run is lopsided from its first generations
 *                 (docs/analysis.md gives the measurements).
 */
import type { Engagement } from './engagement.ts';
import type { Regress } from './regress.ts';
import { advanceStreak, IDLE_STREAK, type Streak } from './streak.ts';

export const PATHOLOGIES = ['disengagement', 'cycling', 'focusing', 'lopsided'] as const;
export type Pathology = (typeof PATHOLOGIES)[number];

export interface DetectorSettings {
  readonly disengagement: { readonly share: number; readonly generations: number };
  readonly cycling: { readonly regress: number; readonly opponents: number; readonly generations: number };
  readonly focusing: { readonly imbalance: number; readonly generations: number };
  readonly lopsided: { readonly share: number; readonly generations: number };
}

export const DEFAULT_DETECTORS: DetectorSettings = {
  disengagement: { share: 0.95, generations: 5 },
  cycling: { regress: 0.5, opponents: 4, generations: 10 },
  focusing: { imbalance: 0.5, generations: 10 },
  lopsided: { share: 0.7, generations: 10 },
};

/** One line of a pathology's life; JSON as written into metrics.jsonl. */
export interface PathologyEvent {
  [key: string]: string | number | null;
  kind: Pathology;
  phase: 'start' | 'end';
  /** The generation at which the detector decided. */
  generation: number;
  /** First generation of the streak. */
  since: number;
  /** For 'end': the last generation the condition held; null for 'start'. */
  until: number | null;
  /** The measure that generation (for 'end': the last measured value) and its threshold. */
  value: number;
  threshold: number;
  message: string;
  /*
   * lopsided events also carry `side`: "solvers" or "challengers", the side
   * that won the share that generation (kept out of the other kinds' lines).
   */
}

export type DetectorStreaks = Readonly<Record<Pathology, Streak>>;

export const IDLE_DETECTORS: DetectorStreaks = { disengagement: IDLE_STREAK, cycling: IDLE_STREAK, focusing: IDLE_STREAK, lopsided: IDLE_STREAK };

export interface DetectorInputs {
  readonly engagement: Pick<Engagement, 'zeros' | 'ones' | 'solverWins' | 'challengerWins'>;
  readonly regress: Regress;
  /** The probe's details this generation, or null when it did not run. */
  readonly probeDetails: Readonly<Record<string, unknown>> | null;
}

/** (max - min) / max |value| of the probe's details.dimensions; null when there are fewer than two numbers. */
export function imbalance(details: Readonly<Record<string, unknown>> | null): number | null {
  const dims = details?.dimensions;
  if (!Array.isArray(dims) || dims.length < 2 || !dims.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const xs = dims as number[];
  const hi = Math.max(...xs);
  const lo = Math.min(...xs);
  const scale = Math.max(Math.abs(hi), Math.abs(lo));
  return scale === 0 ? 0 : (hi - lo) / scale;
}

interface Measure {
  readonly holds: boolean | null;
  readonly value: number;
  readonly threshold: number;
  readonly what: string;
  readonly side?: 'solvers' | 'challengers';
}

/** The side that wins more of this generation's games, and its share (solvers on a tie). */
export function leadingSide(e: Pick<Engagement, 'solverWins' | 'challengerWins'>): { side: 'solvers' | 'challengers'; share: number } {
  return e.challengerWins > e.solverWins ? { side: 'challengers', share: e.challengerWins } : { side: 'solvers', share: e.solverWins };
}

function measures(inputs: DetectorInputs, s: DetectorSettings, streaks: DetectorStreaks): Record<Pathology, Measure> {
  const { zeros, ones } = inputs.engagement;
  const share = Math.max(zeros, ones);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const r = inputs.regress;
  // Hysteresis on the sample size, like the streak's on the condition: a side
  // needs `opponents` to start an episode, and one to keep it going.
  const fewest = streaks.cycling.active ? 1 : s.cycling.opponents;
  const sides: Array<[string, number]> = [];
  if (r.solver !== null && r.solverOpponents >= fewest) sides.push(['solver', r.solver]);
  if (r.challenger !== null && r.challengerOpponents >= fewest) sides.push(['challenger', r.challenger]);
  const worst = sides.reduce<[string, number] | null>((a, b) => (a === null || b[1] > a[1] ? b : a), null);
  const imb = imbalance(inputs.probeDetails);
  const lead = leadingSide(inputs.engagement);
  return {
    disengagement: {
      holds: share >= s.disengagement.share,
      value: share,
      threshold: s.disengagement.share,
      what: `${pct(share)} of games won outright by ${ones >= zeros ? 'solvers' : 'challengers'} (threshold ${pct(s.disengagement.share)})`,
    },
    cycling: {
      holds: worst ? worst[1] >= s.cycling.regress : null,
      value: worst ? worst[1] : 0,
      threshold: s.cycling.regress,
      what: worst
        ? `champion ${worst[0]} fails against ${pct(worst[1])} of ancestral opponents its predecessors had beaten (threshold ${pct(s.cycling.regress)})`
        : 'no ancestral opponent beaten yet',
    },
    focusing: {
      holds: imb === null ? null : imb >= s.focusing.imbalance,
      value: imb ?? 0,
      threshold: s.focusing.imbalance,
      what: `champion's objective dimensions differ by ${(imb ?? 0).toFixed(2)} of the largest (threshold ${s.focusing.imbalance})`,
    },
    lopsided: {
      holds: lead.share >= s.lopsided.share,
      value: lead.share,
      threshold: s.lopsided.share,
      what: `${lead.side} win ${pct(lead.share)} of games (threshold ${pct(s.lopsided.share)})`,
      side: lead.side,
    },
  };
}

/** Advance every detector by generation g; events in PATHOLOGIES order. */
export function detect(
  streaks: DetectorStreaks,
  inputs: DetectorInputs,
  g: number,
  settings: DetectorSettings,
): { streaks: DetectorStreaks; events: PathologyEvent[] } {
  const m = measures(inputs, settings, streaks);
  const next: Record<Pathology, Streak> = { ...streaks };
  const events: PathologyEvent[] = [];
  for (const kind of PATHOLOGIES) {
    const k = settings[kind].generations;
    const { streak, change } = advanceStreak(streaks[kind], m[kind].holds, g, k);
    next[kind] = streak;
    if (change === 'start') {
      events.push({
        kind,
        phase: 'start',
        generation: g,
        since: streak.from,
        until: null,
        value: m[kind].value,
        threshold: m[kind].threshold,
        message: `${kind} since generation ${streak.from}: ${m[kind].what} for ${k} generation${k === 1 ? '' : 's'}`,
        ...(m[kind].side ? { side: m[kind].side } : {}),
      });
    } else if (change === 'end') {
      events.push({
        kind,
        phase: 'end',
        generation: g,
        since: streak.from,
        until: streak.lastTrue,
        value: m[kind].value,
        threshold: m[kind].threshold,
        message: `${kind} over: generations ${streak.from}-${streak.lastTrue}; it has not held for ${k} generation${k === 1 ? '' : 's'}`,
        ...(m[kind].side ? { side: m[kind].side } : {}),
      });
    }
  }
  return { streaks: next, events };
}
