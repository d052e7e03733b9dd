/** The probe chart's y range (viewer/src/zoom-range.ts): the band the values occupy lately, in steps of 0.05, at least 0.1 tall, inside [0, 1]. */
import { describe, expect, it } from 'vitest';
import { recentBand, zoomRange } from '../../viewer/src/zoom-range.ts';

describe('zoomRange', () => {
  it('shows a narrow band with a margin', () => {
    expect(zoomRange(0.774, 0.818)).toEqual([0.7, 0.85]);
    expect(zoomRange(0.79, 0.818)).toEqual([0.75, 0.85]);
  });
  it('is at least 0.1 tall and stays inside [0, 1]', () => {
    expect(zoomRange(0.8, 0.8)).toEqual([0.75, 0.85]);
    expect(zoomRange(1, 1)).toEqual([0.9, 1]);
    expect(zoomRange(0, 0.01)).toEqual([0, 0.1]);
    expect(zoomRange(0.02, 0.97)).toEqual([0, 1]);
  });
  it('is the unit range without data', () => {
    expect(zoomRange(null, null)).toEqual([0, 1]);
  });
});

describe('recentBand', () => {
  it('spans every line over the newest three quarters of the generations shown', () => {
    const x = [0, 10, 20, 30, 40];
    // A random rule's 2% at generation 0 is left out; the reference line counts.
    expect(recentBand(x, [[0.02, 0.78, null, 0.82, 0.79], [0.81, 0.81, 0.81, 0.81, 0.81]])).toEqual([0.78, 0.82]);
  });
  it('falls back to every generation when the newest part has no value, and is null without any', () => {
    expect(recentBand([0, 1, 2], [[0.02, null, null]])).toEqual([0.02, 0.02]);
    expect(recentBand([0, 1], [[null, null]])).toBeNull();
    expect(recentBand([], [])).toBeNull();
  });
});
