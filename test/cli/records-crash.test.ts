/**
 * The run's records across SIGKILL: a sorting-network run killed at random
 * moments and resumed each time ends with the same best-valid.json,
 * best-probed.json and checkpointed records as a run never interrupted, and
 * the network in best-valid.json sorts every 0/1 input by an independent
 * exhaustive check (plain arrays, none of the domain's code).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stream } from '../../core/basics/rng.ts';
import { loadCheckpoint, runPaths } from '../../core/run/run-dir.ts';
import { lineCount, runCli, startCli, tempDir, waitFor } from '../helpers/cli.ts';
import { sortsAll } from '../helpers/sorting-check.ts';
import { sortingNetworks } from '../../populations/sorting-networks/index.ts';

const domain = sortingNetworks.create(sortingNetworks.options.parse({ inputs: 7 }));

const KILLS = 8;
const GENERATIONS = 400;
const args = ['--domain', 'sorting-networks', '--inputs', '7', '--population', '48', '--generations', String(GENERATIONS),
  '--seed', '5', '--backend', 'cpu', '--quiet'];

const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

interface Line {
  generation: number;
  records: { champion: { comparators: number; depth: number }; valid: { generation: number; comparators: number; depth: number } | null };
}

describe('best-valid.json and best-probed.json', () => {
  it(`survive ${KILLS} kills and resumes, equal to an uninterrupted run, and the network is valid`, async () => {
    const base = await tempDir();
    const whole = join(base, 'whole');
    const clean = await runCli(['run', ...args, '--out', whole]);
    expect(clean.code, clean.stderr).toBe(0);

    const dir = join(base, 'killed');
    const rng = stream('record-kill-times');
    let started = false;
    const reached: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const { child, done } = startCli(started ? ['resume', dir, '--quiet'] : ['run', ...args, '--out', dir]);
      started = true;
      const target = (await lineCount(join(dir, 'metrics.jsonl'))) + 1 + rng.int(40);
      await waitFor(async () => (await lineCount(join(dir, 'metrics.jsonl'))) >= target, 60_000, 5);
      await new Promise((r) => setTimeout(r, rng.int(20)));
      child.kill('SIGKILL');
      const r = await done;
      expect(r.signal, `kill ${k} came after the run ended: lengthen the run (${r.stderr})`).toBe('SIGKILL');
      reached.push((await loadCheckpoint(runPaths(dir))).state.generation);
    }
    expect(new Set(reached).size).toBeGreaterThanOrEqual(5);
    const final = await runCli(['resume', dir, '--quiet']);
    expect(final.code, final.stderr).toBe(0);

    for (const file of ['best-valid.json', 'best-probed.json', 'metrics.jsonl']) {
      expect(await readFile(join(dir, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
    }
    const killed = await loadCheckpoint(runPaths(dir));
    const uninterrupted = await loadCheckpoint(runPaths(whole));
    expect(killed.records).toEqual(uninterrupted.records);

    // The record changed during the run (so the kills had something to lose), and it is what the lines say.
    const lines = (await readFile(join(whole, 'metrics.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Line);
    const found = new Set(lines.map((l) => l.records.valid?.generation).filter((g) => g !== undefined));
    expect(found.size).toBeGreaterThanOrEqual(2);
    const best = await json(join(whole, 'best-valid.json'));
    expect(lines.at(-1)!.records.valid).toEqual({ generation: best.generation, ...best.measures });
    expect(best.validity).toBe('sorts all 2^7 0/1 inputs');
    expect(best.solver.comparators.length).toBe(best.measures.comparators);
    expect(sortsAll(best.solver)).toBe(true);
    // No champion of the run (champions.bin) is a smaller valid network than the record, by the independent check.
    const champions = uninterrupted.state.champions.solvers.map((g) => domain.solver.encode(g) as { inputs: number; comparators: Array<[number, number]> });
    expect(champions.length).toBe(GENERATIONS);
    const smaller = champions.filter((c) => c.comparators.length < best.measures.comparators);
    expect(smaller.filter(sortsAll)).toEqual([]);
  }, 300_000);
});
