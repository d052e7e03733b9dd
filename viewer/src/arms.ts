/**
 * The arms-race panel's pure parts: which pathologies are active now (the
 * last event of each kind is a start), one line per event, and the
 * dominance summary. Kept free of the DOM so tests can run them in Node.
 */
import type { PathologyEventMessage, Point } from '../../core/stream/protocol.ts';

export type PathologyKind = PathologyEventMessage['kind'];

/** Kinds whose latest event is a start, with the generation they started at. */
export function activePathologies(events: readonly PathologyEventMessage[]): Array<{ kind: PathologyKind; since: number }> {
  const last = new Map<PathologyKind, PathologyEventMessage>();
  for (const e of events) last.set(e.kind, e);
  return [...last.values()].filter((e) => e.phase === 'start').map((e) => ({ kind: e.kind, since: e.since }));
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
