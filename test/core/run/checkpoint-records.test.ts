/**
 * The run's records in a checkpoint: they round-trip exactly; a checkpoint
 * written before the records existed resumes with none; a record from a
 * generation the checkpoint has not reached is refused with the file's name.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint, serializeCheckpoint } from '../../../core/run/checkpoint.ts';
import { resolveConfig } from '../../../core/run/config.ts';
import { initialState } from '../../../core/engine/state.ts';
import { genome } from '../../../core/basics/population.ts';
import { NO_RECORDS, type RunRecords } from '../../../core/measures/records.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';

const { config, instance } = resolveConfig(sortingNetworks, [{ source: 'test', config: { options: { inputs: 6 }, solvers: 8, challengers: 4 } }]);
const state = { ...initialState(instance, config), generation: 0 };
const records: RunRecords = {
  valid: null,
  probed: {
    generation: 0,
    genome: genome(state.solvers, 2).slice(),
    score: 61 / 64,
    cost: 0.25,
    label: 'fraction of all 2^6 inputs sorted',
    details: { valid: false, comparators: 7 },
  },
};

/** The checkpoint text with its payload changed and the checksum recomputed. */
function edit(text: string, change: (payload: Record<string, unknown>) => void): string {
  const outer = JSON.parse(text) as { payload: Record<string, unknown>; sha256: string };
  change(outer.payload);
  outer.sha256 = createHash('sha256').update(JSON.stringify(outer.payload)).digest('hex');
  return JSON.stringify(outer);
}

describe('checkpoint records', () => {
  it('round-trip exactly', () => {
    const at1 = { ...state, generation: 1, champions: { solvers: [genome(state.solvers, 0)], challengers: [genome(state.challengers, 0)] } };
    const back = parseCheckpoint(serializeCheckpoint({ config, state: at1, records }), 'c.json');
    expect(back.records).toEqual(records);
    expect(back.records.probed!.genome).toBeInstanceOf(Float32Array);
  });

  it('are none in a checkpoint written before they existed', () => {
    const text = edit(serializeCheckpoint({ config, state }), (p) => delete p.records);
    expect(parseCheckpoint(text, 'old.json').records).toEqual(NO_RECORDS);
  });

  it('refuse a record from a generation not before the checkpoint', () => {
    // The state is at generation 0: no generation has been played, so no record can exist.
    expect(() => parseCheckpoint(serializeCheckpoint({ config, state, records }), 'c.json')).toThrow(
      /c\.json: the probed record is from generation 0, not before the checkpoint's 0/,
    );
  });
});
