import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGenerationLines, truncateLog } from '../../../core/run/run-dir.ts';

const line = (g: number) => JSON.stringify({ generation: g, x: g * 2 });

describe('generation logs', () => {
  it('keep complete lines in generation order and drop a torn tail', () => {
    const text = `${line(0)}\n${line(1)}\n{"generation":2,"x"`;
    expect(parseGenerationLines(text).map((l) => l.value.generation)).toEqual([0, 1]);
  });

  it('treat a last line without its newline as torn', () => {
    expect(parseGenerationLines(`${line(0)}\n${line(1)}`).length).toBe(1);
  });

  it('stop at a line out of order', () => {
    expect(parseGenerationLines(`${line(0)}\n${line(2)}\n${line(3)}\n`).length).toBe(1);
  });

  it('truncate to the checkpoint and refuse a log that is too short', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rq-log-'));
    const path = join(dir, 'metrics.jsonl');
    await writeFile(path, [0, 1, 2, 3].map((g) => `${line(g)}\n`).join('') + '{"gen');
    await truncateLog(path, 2, true);
    expect(await readFile(path, 'utf8')).toBe(`${line(0)}\n${line(1)}\n`);
    await expect(truncateLog(path, 5, true)).rejects.toThrow(/holds 2 complete generations but the checkpoint is at 5/);
  });
});
