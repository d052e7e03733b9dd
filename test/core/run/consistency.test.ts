import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/main.ts';
import { encodeRecord } from '../../../core/run/champions-log.ts';
import { checkRunFiles, metricsOrder } from '../../../core/run/consistency.ts';
import { lockRunDir } from '../../../core/run/lock.ts';

const S = 3;
const C = 2;
const line = (g: number) => `${JSON.stringify({ generation: g, x: g })}\n`;
const record = (g: number) => encodeRecord(g, new Float32Array(S).fill(g), new Float32Array(C).fill(-g));
const records = (gs: number[]) => Buffer.concat(gs.map((g) => record(g)));

async function runDir(metrics: string, champions: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rq-agree-'));
  await writeFile(join(dir, 'metrics.jsonl'), metrics);
  await writeFile(join(dir, 'champions.bin'), champions);
  return dir;
}

describe('a run directory\'s files agree', () => {
  it('as one writer leaves them, even killed mid-write: a torn line, one champion ahead, a torn record', async () => {
    const five = [0, 1, 2, 3, 4].map(line).join('');
    expect(await checkRunFiles(await runDir(five, records([0, 1, 2, 3, 4])), S, C)).toBeNull();
    expect(await checkRunFiles(await runDir(`${five}{"generation":5,"x`, records([0, 1, 2, 3, 4, 5])), S, C)).toBeNull();
    const torn = Buffer.concat([records([0, 1, 2, 3, 4, 5]), record(6).subarray(0, 7)]);
    expect(await checkRunFiles(await runDir(five, torn), S, C)).toBeNull();
    expect(await checkRunFiles(await runDir('', new Uint8Array(0)), S, C)).toBeNull();
  });

  it('not as two writers at once leave them: repeated generations, records out of place, counts apart', async () => {
    const interleaved = [0, 1, 2, 1, 2, 3].map(line).join('');
    expect(metricsOrder(interleaved)).toEqual({ count: 3, problem: 'line 4 is generation 1, expected 3' });
    expect(await checkRunFiles(await runDir(interleaved, records([0, 1, 2, 3, 4, 5])), S, C)).toMatch(
      /metrics\.jsonl: line 4 is generation 1, expected 3/,
    );
    const three = [0, 1, 2].map(line).join('');
    expect(await checkRunFiles(await runDir(three, records([0, 1, 1, 2])), S, C)).toMatch(/champions\.bin: record 2 is generation 1/);
    expect(await checkRunFiles(await runDir(three, records([0, 1])), S, C)).toMatch(/holds 2 champions but \S+ 3 generations/);
    const ahead = await runDir(three, records([0, 1, 2, 3, 4]));
    expect(await checkRunFiles(ahead, S, C)).toMatch(/holds 5 champions but \S+ only 3 generations/);
    // ...unless a writer is at work now: it appends champions while we read.
    const lock = await lockRunDir(ahead, 'test');
    expect(await checkRunFiles(ahead, S, C)).toBeNull();
    await lock.release();
    const corrupt = records([0, 1, 2]);
    corrupt[corrupt.length - 1]! ^= 0xff;
    expect(await checkRunFiles(await runDir(three, corrupt), S, C)).toMatch(/record 2 fails its checksum/);
  });

  it('analyze and serve refuse a run whose metrics were interleaved, naming the line', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'rq-agree-')), 'run');
    const common = ['--domain', 'number-games', '--population', '8', '--backend', 'cpu', '--quiet'];
    expect(await main(['run', ...common, '--generations', '6', '--seed', '3', '--out', dir])).toBe(0);
    const lines = (await readFile(join(dir, 'metrics.jsonl'), 'utf8')).split('\n');
    await appendFile(join(dir, 'metrics.jsonl'), `${lines[4]}\n${lines[5]}\n`);
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['analyze', dir])).toBe(2);
      expect(await main(['serve', dir, '--port', '0'])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    for (const e of errors) expect(e).toMatch(/the run's files disagree \(\S+metrics\.jsonl: line 7 is generation 4, expected 6\); two processes/);
    expect(errors).toHaveLength(2);
  });
});
