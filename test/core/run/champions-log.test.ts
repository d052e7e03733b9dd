import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecord, readChampions, recordBytes, truncateChampions } from '../../../core/run/champions-log.ts';

const s = (g: number) => Float32Array.of(g, g + 0.5, -g);
const c = (g: number) => Float32Array.of(10 * g, 1 / 3);
const log = (n: number) => Buffer.concat(Array.from({ length: n }, (_, g) => encodeRecord(g, s(g), c(g))));

describe('champions log', () => {
  it('round-trips records exactly (f32)', () => {
    const h = decodeRecords(log(3), 3, 3, 2, 'champions.bin');
    expect(h.solvers).toEqual([s(0), s(1), s(2)]);
    expect(h.challengers).toEqual([c(0), c(1), c(2)]);
  });

  it('refuses a log shorter than the checkpoint needs, by name', () => {
    const torn = log(3).subarray(0, recordBytes(3, 2) * 2 + 5);
    expect(() => decodeRecords(torn, 3, 3, 2, 'champions.bin')).toThrow(/champions\.bin: holds 2 champions but the checkpoint needs 3/);
  });

  it('detects a flipped byte', () => {
    const bytes = log(3);
    bytes[recordBytes(3, 2) + 6]! ^= 0x10;
    expect(() => decodeRecords(bytes, 3, 3, 2, 'champions.bin')).toThrow(/record 1 is corrupt/);
  });

  it('truncates to the checkpoint, dropping later and torn records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rq-champ-'));
    const path = join(dir, 'champions.bin');
    await writeFile(path, Buffer.concat([log(4), Buffer.from([1, 2, 3])]));
    await truncateChampions(path, 2, 3, 2);
    expect((await readFile(path)).length).toBe(2 * recordBytes(3, 2));
    expect((await readChampions(path, 2, 3, 2)).solvers).toEqual([s(0), s(1)]);
  });

  it('a missing log is an empty history only at generation 0', async () => {
    expect(await readChampions('/nonexistent/champions.bin', 0, 3, 2)).toEqual({ solvers: [], challengers: [] });
    await expect(readChampions('/nonexistent/champions.bin', 1, 3, 2)).rejects.toThrow(/cannot read the champion history/);
  });
});
