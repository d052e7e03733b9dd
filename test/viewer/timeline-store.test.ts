/** The store pinned to an earlier generation by a replay's snapshot, and following the run again. */
import { describe, expect, it } from 'vitest';
import type { PathologyEventMessage, Point } from '../../core/stream/protocol.ts';
import { Store } from '../../viewer/src/store.ts';
import { ciaoRow, detailAt, point } from '../core/stream/helpers.ts';

const event = (generation: number, phase: 'start' | 'end'): PathologyEventMessage => ({
  kind: 'cycling',
  phase,
  generation,
  since: 3,
  until: phase === 'end' ? generation : null,
  value: 0.5,
  threshold: 0.4,
  message: `cycling ${phase}`,
});
const withEvents = (p: Point, events: PathologyEventMessage[]): Point => ({ ...p, events });

function replayStore(): Store {
  const store = new Store();
  store.apply({
    type: 'hello',
    protocol: 2,
    mode: 'replay',
    run: { domain: 'd', title: 'D', seed: '1', backend: 'cpu', view: 'sorting-network', generations: 10, config: {}, records: null, probeReference: null },
    generation: 10,
    control: false,
    state: { status: 'replay', generation: 10, speed: 0 },
  });
  // A thinned history: every other generation, and the last.
  const points = [0, 2, 4, 6, 8, 9].map((g) => (g === 4 ? withEvents(point(g), [event(4, 'start')]) : g === 8 ? withEvents(point(g), [event(8, 'end')]) : point(g)));
  store.apply({ type: 'history', total: 10, stride: 2, points, ciao: [2, 4, 6, 8].map(ciaoRow), events: [event(4, 'start'), event(8, 'end')] });
  store.apply({ type: 'generation', point: point(9), earlier: [], detail: detailAt(9) });
  return store;
}

describe('the timeline in the store', () => {
  it('a snapshot pins every panel to its generation, with that generation\'s own champions', () => {
    const store = replayStore();
    const changed = store.apply({ type: 'snapshot', generation: 5, point: point(5), detail: detailAt(4), detailGeneration: 4, champions: { solver: 'five', challenger: 'c5', summary: null } });
    expect([...changed].sort()).toEqual(['ciao', 'detail', 'events', 'header', 'series']);
    expect(store.shownGeneration).toBe(5);
    // The charts end at 5: the thinned history up to it, then 5's own point.
    expect(store.series.x).toEqual([0, 2, 4, 5]);
    expect(store.latest?.generation).toBe(5);
    expect(store.ciaoRows.map((r) => r.generation)).toEqual([2, 4]);
    // At 5 the cycling that ended at 8 is still on.
    expect(store.events.map((e) => [e.generation, e.phase])).toEqual([[4, 'start']]);
    expect(store.detailGeneration).toBe(4);
    expect(store.detail?.matrix).toEqual(detailAt(4).matrix);
    expect(store.detail?.best).toEqual({ solver: 'five', challenger: 'c5', summary: null });
    expect(store.championsGeneration).toBe(5);
  });

  it('newer generations arrive underneath; following shows them again', () => {
    const store = replayStore();
    store.apply({ type: 'snapshot', generation: 2, point: point(2), detail: detailAt(2), detailGeneration: 2, champions: null });
    store.apply({ type: 'generation', point: point(10), earlier: [], detail: detailAt(10) });
    expect(store.series.x).toEqual([0, 2]);
    expect(store.detail?.best.solver).toBe(2);
    expect(store.played).toBe(11);
    store.follow();
    expect(store.shownGeneration).toBe(11);
    expect(store.series.x[store.series.x.length - 1]).toBe(10);
    expect(store.detail?.best.solver).toBe(10);
    expect(store.events).toHaveLength(2);
  });
});
