import { describe, expect, it } from 'vitest';
import { History, MAX_HISTORY_POINTS, Thinned } from '../../../core/stream/history.ts';
import type { Point } from '../../../core/stream/protocol.ts';
import { point } from './helpers.ts';


describe('history', () => {
  it('keeps every generation while it fits', () => {
    const h = new History();
    for (let g = 0; g < 100; g++) h.add(point(g), null);
    const s = h.snapshot();
    expect(s.total).toBe(100);
    expect(s.stride).toBe(1);
    expect(s.points.map((p) => p.generation)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('stays bounded and evenly spaced on long runs, always ending at the newest point', () => {
    const h = new History();
    const n = 50_001;
    for (let g = 0; g < n; g++) h.add(point(g), null);
    const s = h.snapshot();
    expect(s.points.length).toBeLessThanOrEqual(MAX_HISTORY_POINTS + 1);
    expect(s.points.length).toBeGreaterThan(MAX_HISTORY_POINTS / 2);
    const gens = s.points.map((p) => p.generation);
    expect(gens[0]).toBe(0);
    expect(gens[gens.length - 1]).toBe(n - 1);
    for (let i = 1; i < gens.length - 1; i++) expect(gens[i]! - gens[i - 1]!).toBe(s.stride);
  });

  it('thins any keyed list the same way', () => {
    const t = new Thinned<number>(10);
    for (let g = 0; g < 1000; g++) t.add(g, g * 2);
    const v = t.values();
    expect(v.length).toBeLessThanOrEqual(10);
    expect(v.every((x) => (x / 2) % t.stride === 0)).toBe(true);
  });
});
