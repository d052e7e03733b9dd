/**
 * `redqueen analyze` names the best valid network of a run, not the first:
 * in this run (found from its own files, not hard-coded) the first valid
 * network is larger than a later one, and analyze names the later, smallest
 * one, which best-valid.json holds and an independent exhaustive check
 * accepts. The best probed champion is ranked by score, then comparators,
 * then the earliest generation.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';
import { sortsAll } from '../helpers/sorting-check.ts';

interface Line {
  generation: number;
  probe: { score: number; valid: boolean; comparators: number; depth: number };
  records: { champion: { comparators: number; depth: number }; valid: { generation: number; comparators: number; depth: number } | null };
}

describe('analyze and the best valid network', () => {
  it('names the smallest valid network, not the first, and ranks probed champions by score then size', async () => {
    const dir = join(await tempDir(), 'run');
    const r = await runCli(['run', '--domain', 'sorting-networks', '--inputs', '6', '--population', '64', '--generations', '80',
      '--seed', '3', '--backend', 'cpu', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readFile(join(dir, 'metrics.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Line);
    const bestValid = JSON.parse(await readFile(join(dir, 'best-valid.json'), 'utf8'));
    const bestProbed = JSON.parse(await readFile(join(dir, 'best-probed.json'), 'utf8'));

    // The run's first valid network (the first line whose record is set), and its first valid champion.
    const first = lines.find((l) => l.records.valid !== null)!.records.valid!;
    const firstChampion = lines.find((l) => l.probe.valid)!;
    expect(first.comparators).toBeGreaterThan(bestValid.measures.comparators);
    expect(firstChampion.probe.comparators).toBeGreaterThan(bestValid.measures.comparators);
    // No valid champion is smaller (or as small and shallower) than the record.
    for (const l of lines.filter((x) => x.probe.valid)) {
      const [c, d] = [l.probe.comparators, l.probe.depth];
      const better = c < bestValid.measures.comparators || (c === bestValid.measures.comparators && d < bestValid.measures.depth);
      expect(better, `generation ${l.generation}`).toBe(false);
    }
    expect(sortsAll(bestValid.solver)).toBe(true);
    // eval takes the file as it takes best.json.
    const e = await runCli(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'best-valid.json'), '--json']);
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout)).toMatchObject({ valid: true, comparators: bestValid.measures.comparators, depth: bestValid.measures.depth });

    const json = await runCli(['analyze', dir, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.valid).toMatchObject({ generation: bestValid.generation, measures: bestValid.measures, solver: bestValid.solver });
    expect(report.valid.source).toBe('best-valid.json');
    const text = await runCli(['analyze', dir]);
    expect(text.stdout).toContain(
      `best valid solver (sorts all 2^6 0/1 inputs; fewest comparators, then depth, then earliest): ${bestValid.measures.comparators} comparators, depth ${bestValid.measures.depth}, first seen at generation ${bestValid.generation}`,
    );
    expect(text.stdout).toContain(JSON.stringify(bestValid.solver));

    // Best probed: the highest score, then the fewest comparators, then the earliest; as best-probed.json says.
    const top = Math.max(...lines.map((l) => l.probe.score));
    const fewest = Math.min(...lines.filter((l) => l.probe.score === top).map((l) => l.probe.comparators));
    const expected = lines.find((l) => l.probe.score === top && l.probe.comparators === fewest)!.generation;
    expect(report.probe.best.generation).toBe(expected);
    expect(bestProbed.generation).toBe(expected);
    // The earliest perfect champion was larger: ranking by score alone would have named it.
    expect(lines.find((l) => l.probe.score === top)!.generation).toBeLessThan(expected);
    expect(sizesPlot(report.files)).toBe(true);
  }, 120_000);
});

const sizesPlot = (files: string[]) => files.some((f) => f.endsWith('sizes.png')) && files.some((f) => f.endsWith('sizes.svg'));
