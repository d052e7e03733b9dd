/** The probe chart's y range (viewer/src/zoom-range.ts): the band the values occupy, in steps of 0.05, at least 0.1 tall, inside [0, 1]. */
import { describe, expect, it } from 'vitest';
import { zoomRange } from '../../viewer/src/zoom-range.ts';

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
