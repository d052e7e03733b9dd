import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_VERSION, parseCheckpoint, readCheckpoint, serializeCheckpoint, writeCheckpoint } from '../../../core/run/checkpoint.ts';
import { resolveConfig } from '../../../core/run/config.ts';
import { UserError } from '../../../core/basics/errors.ts';
import { initialState } from '../../../core/engine/state.ts';
import { recordChampions } from '../../../core/measures/champions.ts';
import { encodeRecord } from '../../../core/run/champions-log.ts';
import { loadCheckpoint, runPaths } from '../../../core/run/run-dir.ts';
import { genome } from '../../../core/basics/population.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';

const { config, instance } = resolveConfig(sortingNetworks, [{ source: 'test', config: { options: { inputs: 6 }, solvers: 8, challengers: 4 } }]);
const start = initialState(instance, config);
const state = {
  ...start,
  generation: 2,
  champions: recordChampions(
    recordChampions(start.champions, genome(start.solvers, 0), genome(start.challengers, 0)),
    genome(start.solvers, 3),
    genome(start.challengers, 1),
  ),
};

describe('checkpoints', () => {
  it('round-trip the state exactly, champion history included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rq-ckpt-'));
    const paths = runPaths(dir);
    await writeCheckpoint(paths.checkpoint, { config, state });
    const log = Buffer.concat([0, 1].map((g) => encodeRecord(g, state.champions.solvers[g]!, state.champions.challengers[g]!)));
    // A third record, written after the checkpoint, is ignored.
    await writeFile(paths.champions, Buffer.concat([log, encodeRecord(2, state.champions.solvers[0]!, state.champions.challengers[0]!)]));
    const back = await loadCheckpoint(paths);
    expect(back.config).toEqual(JSON.parse(JSON.stringify(config)));
    expect(back.state).toEqual(state);
  });

  it('refuse a payload that was edited (checksum)', () => {
    const text = serializeCheckpoint({ config, state }).replace('"generation":2', '"generation":3');
    expect(() => parseCheckpoint(text, 'ck.json')).toThrow(/ck\.json: checksum mismatch/);
  });

  it('refuse a truncated file, naming it', () => {
    const text = serializeCheckpoint({ config, state });
    expect(() => parseCheckpoint(text.slice(0, text.length / 2), 'ck.json')).toThrow(UserError);
    expect(() => parseCheckpoint(text.slice(0, text.length / 2), 'ck.json')).toThrow(/ck\.json/);
  });

  it('refuse another format or version', () => {
    const text = serializeCheckpoint({ config, state }).replace(`"version":${CHECKPOINT_VERSION}`, '"version":99');
    expect(() => parseCheckpoint(text, 'ck.json')).toThrow(/version/);
    // Version 1 lacked the arms-race state: resuming it could not continue the run exactly.
    const v1 = serializeCheckpoint({ config, state }).replace(`"version":${CHECKPOINT_VERSION}`, '"version":1');
    expect(() => parseCheckpoint(v1, 'ck.json')).toThrow(/version 2/);
  });

  it('report a missing file as a user error', async () => {
    await expect(readCheckpoint('/nonexistent/checkpoint.json')).rejects.toThrow(/cannot read the checkpoint \(ENOENT\)/);
  });

  it('leave no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rq-ckpt-'));
    await writeCheckpoint(join(dir, 'checkpoint.json'), { config, state });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['checkpoint.json']);
    await writeFile(join(dir, 'checkpoint.json'), 'garbage');
    await writeCheckpoint(join(dir, 'checkpoint.json'), { config, state });
    expect((await readFile(join(dir, 'checkpoint.json'), 'utf8')).startsWith('{"format"')).toBe(true);
  });
});
