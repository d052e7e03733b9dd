/** The viewer's arms-race state: events from history, points and lagged catch-ups; active pathologies; summary line. */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PathologyEventMessage, type Point } from '../../core/stream/protocol.ts';
import { activePathologies, armsSummary, eventLine } from '../../viewer/src/arms.ts';
import { Store } from '../../viewer/src/store.ts';
import { point } from '../core/stream/helpers.ts';

const event = (kind: PathologyEventMessage['kind'], phase: 'start' | 'end', generation: number, since: number): PathologyEventMessage => ({
  kind,
  phase,
  generation,
  since,
  until: phase === 'end' ? generation - 5 : null,
  value: 0.6,
  threshold: 0.5,
  message: `${kind} ${phase}`,
});

const withEvents = (g: number, events: PathologyEventMessage[]): Point => ({ ...point(g), events });

describe('pathologies in the viewer', () => {
  it('are active while their last event is a start', () => {
    const events = [event('cycling', 'start', 10, 1), event('focusing', 'start', 12, 3), event('cycling', 'end', 30, 1)];
    expect(activePathologies(events)).toEqual([{ kind: 'focusing', since: 3 }]);
    expect(activePathologies([])).toEqual([]);
    expect(eventLine(events[0]!)).toBe('gen 10 · cycling start');
  });

  it('collect events from history, live points and lagged points, without duplicates', () => {
    const store = new Store();
    // History carries its own event list (points may have been thinned away).
    const changed = store.apply({ type: 'history', total: 3, stride: 2, points: [point(0), point(2)], ciao: [], events: [event('cycling', 'start', 1, 0)] });
    expect(changed.has('events')).toBe(true);
    expect(store.events.map((e) => e.generation)).toEqual([1]);
    store.apply({ type: 'generation', point: withEvents(3, [event('cycling', 'end', 3, 0)]), earlier: [], detail: null });
    // A duplicate point (already seen) brings nothing twice.
    store.apply({ type: 'generation', point: withEvents(3, [event('cycling', 'end', 3, 0)]), earlier: [], detail: null });
    const lagged = store.apply({ type: 'lagged', dropped: 2, points: [point(4), withEvents(5, [event('disengagement', 'start', 5, 1)])], resync: false });
    expect(lagged.has('events')).toBe(true);
    expect(store.events.map((e) => [e.kind, e.phase, e.generation])).toEqual([
      ['cycling', 'start', 1],
      ['cycling', 'end', 3],
      ['disengagement', 'start', 5],
    ]);
    expect(activePathologies(store.events)).toEqual([{ kind: 'disengagement', since: 1 }]);
    // A new hello (a new run) clears them.
    store.apply({
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      mode: 'live',
      run: { domain: 'x', title: 'x', seed: '1', backend: 'cpu', view: 'points', generations: 10, config: {}, records: null, probeReference: null },
      generation: 0,
      control: false,
      state: { status: 'running', generation: 0, speed: 0 },
    });
    expect(store.events).toEqual([]);
  });

  it('summarise the dominance chains and regress', () => {
    expect(armsSummary(null)).toMatch(/no arms-race measures/);
    const p: Point = { ...point(4), arms: { regress: { solver: 0.25, challenger: null }, dominance: { solvers: 1, challengers: 3 } } };
    expect(armsSummary(p)).toBe('dominance chains: 1 solver, 3 challengers · regress: solver 0.25, challenger –');
  });
});
