/**
 * The arms-race panel's pure parts: which pathologies are active now (the
 * last event of each kind is a start), one line per event, and the
 * dominance summary. Kept free of the DOM so tests can run them in Node.
 */
import type { PathologyEventMessage, Point } from '../../core/stream/protocol.ts';

export type PathologyKind = PathologyEventMessage['kind'];

export interface ActivePathology {
  readonly kind: PathologyKind;
  readonly since: number;
  /** lopsided: the side that wins, and the share it won and the threshold when the episode started. */
  readonly side?: 'solvers' | 'challengers';
  readonly value?: number;
  readonly threshold?: number;
}

/** Kinds whose latest event is a start, with the generation they started at. */
export function activePathologies(events: readonly PathologyEventMessage[]): ActivePathology[] {
  const last = new Map<PathologyKind, PathologyEventMessage>();
  for (const e of events) last.set(e.kind, e);
  return [...last.values()]
    .filter((e) => e.phase === 'start')
    .map((e) => (e.side ? { kind: e.kind, since: e.since, side: e.side, value: e.value, threshold: e.threshold } : { kind: e.kind, since: e.since }));
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The other side's name. */
const loser = (side: 'solvers' | 'challengers') => (side === 'solvers' ? 'challengers' : 'solvers');

/**
 * The pathologies banner: one clause per active pathology, a lopsided one
 * naming the side that dominates. `warn` picks the warning style.
 */
export function pathologyBanner(events: readonly PathologyEventMessage[]): { warn: boolean; text: string } {
  const active = activePathologies(events);
  if (active.length === 0) return { warn: false, text: 'no pathology detected' };
  const clause = (a: ActivePathology) =>
    a.kind === 'lopsided' && a.side ? `lopsided since generation ${a.since}: ${a.side} dominate, ${loser(a.side)} stall` : `${a.kind} since generation ${a.since}`;
  return { warn: true, text: `PATHOLOGY: ${active.map(clause).join('; ')}` };
}

/**
 * The engagement label under the diversity chart. "engaged" only when the
 * matrix has a gradient and no side wins nearly all its games: a lopsided
 * run says which side, with the numbers the charts show.
 */
export function engagementLabel(p: Point, events: readonly PathologyEventMessage[]): { warn: boolean; text: string } {
  const e = p.engagement;
  if (e.disengaged) {
    return { warn: true, text: `DISENGAGED: every game ends ${e.ones === 1 ? 'in a solver win' : 'in a challenger win'}; no gradient for either side` };
  }
  const numbers = `mean outcome ${e.mean.toFixed(3)}, ${pct(e.zeros)} of games lost by solvers outright, ${pct(e.ones)} won outright`;
  const lopsided = activePathologies(events).find((a) => a.kind === 'lopsided');
  if (lopsided?.side) {
    const share = lopsided.threshold === undefined ? '' : ` at least ${pct(lopsided.threshold)} of`;
    return { warn: true, text: `LOPSIDED: ${lopsided.side} win${share} the games since generation ${lopsided.since}; ${numbers}` };
  }
  return { warn: false, text: `engaged: ${numbers}` };
}

export function eventLine(e: PathologyEventMessage): string {
  return `gen ${e.generation} · ${e.message}`;
}

/** "dominance chains: 7 solvers, 5 challengers; regress 0.12 / 0.40". */
export function armsSummary(p: Point | null): string {
  if (!p?.arms) return 'no arms-race measures in this run';
  const r = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const { dominance, regress } = p.arms;
  return `dominance chains: ${dominance.solvers} solver${dominance.solvers === 1 ? '' : 's'}, ${dominance.challengers} challenger${
    dominance.challengers === 1 ? '' : 's'
  } · regress: solver ${r(regress.solver)}, challenger ${r(regress.challenger)}`;
}
