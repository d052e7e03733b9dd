/** The viewer's store with batched generations: earlier points and CIAO rows first, then the newest with its picture. */
import { describe, expect, it } from 'vitest';
import { Store } from '../../viewer/src/store.ts';
import { ciaoRow, detailAt, point } from '../core/stream/helpers.ts';


describe('viewer store', () => {
  it('charts every generation of a batch and shows the newest picture', () => {
    const store = new Store();
    store.apply({ type: 'history', total: 1, stride: 1, points: [point(0)], ciao: [], events: [] });
    const changed = store.apply({
      type: 'generation',
      point: point(3),
      // Generation 0 came with the catch-up already: not charted twice.
      earlier: [0, 1, 2].map((g) => ({ point: point(g), ciao: g > 0 ? ciaoRow(g) : null })),
      detail: detailAt(3),
    });
    expect([...changed].sort()).toEqual(['ciao', 'detail', 'header', 'series']);
    expect(store.series.length).toBe(4);
    expect(store.latest?.generation).toBe(3);
    expect(store.ciaoRows.map((r) => r.generation)).toEqual([1, 2, 3]);
    expect(store.detailGeneration).toBe(3);
    expect(store.detail?.best.solver).toBe(3);
  });
});
