/** The probe chart's "best probed so far" line (viewer/src/probe-panel.ts): a running maximum at the generations the probe ran. */
import { describe, expect, it } from 'vitest';
import { runningMax } from '../../viewer/src/probe-panel.ts';

describe('runningMax', () => {
  it('rises with each better score and holds through worse ones; null where no probe ran', () => {
    expect(runningMax([null, 0.79, null, 0.77, 0.81, null, 0.8])).toEqual([null, 0.79, null, 0.79, 0.81, null, 0.81]);
  });
});
