/** The arms-race state in a checkpoint: a detector added since the checkpoint was written starts idle. */
import { describe, expect, it } from 'vitest';
import { armsFromJson, ArmsJson, armsToJson } from '../../../core/run/checkpoint-arms.ts';
import { initialArmsRace } from '../../../core/measures/arms-race.ts';
import { IDLE_STREAK } from '../../../core/measures/streak.ts';

describe('arms-race checkpoint', () => {
  it('round-trips, and reads a checkpoint written before the lopsided detector with that detector idle', () => {
    const state = { ...initialArmsRace(64), detectors: { ...initialArmsRace(64).detectors, cycling: { run: 0, from: 3, lastTrue: 9, active: true, off: 1 } } };
    const json = armsToJson(state);
    expect(armsFromJson(ArmsJson.parse(JSON.parse(JSON.stringify(json))), 10, 'c.json').detectors).toEqual(state.detectors);
    const { lopsided: _, ...older } = json.detectors;
    const read = armsFromJson(ArmsJson.parse({ ...json, detectors: older }), 10, 'c.json');
    expect(read.detectors.lopsided).toEqual(IDLE_STREAK);
    expect(read.detectors.cycling).toEqual(state.detectors.cycling);
    // An unknown detector is still refused.
    expect(() => ArmsJson.parse({ ...json, detectors: { ...json.detectors, bogus: IDLE_STREAK } })).toThrow();
  });
});
