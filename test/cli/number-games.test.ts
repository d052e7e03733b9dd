/**
 * Number games end to end, without a Hall of Fame. The transitive sum game
 * advances every dimension together. The intransitive game advances one
 * dimension at the expense of another, which the biased mutation wears down
 * while selection looks elsewhere: the dynamic Watson & Pollack describe.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

interface Line {
  probe: { objective: number; populationDimensions: number[] } | null;
}

async function play(game: string): Promise<Line[]> {
  const dir = await tempDir();
  const config = join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ hallOfFame: { sample: 0 } }));
  const out = join(dir, 'run');
  const r = await runCli(['run', '--domain', 'number-games', '--game', game, '--seed', '1', '--generations', '400',
    '--population', '64', '--backend', 'cpu', '--config', config, '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const lines = (await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Line);
  expect(lines).toHaveLength(400);
  return lines;
}

/** The largest fall of any dimension's population mean below its own earlier peak. */
function largestDimensionFall(lines: Line[]): number {
  const dims = lines[0]!.probe!.populationDimensions.length;
  let fall = 0;
  for (let d = 0; d < dims; d++) {
    let peak = 0;
    for (const l of lines) {
      const x = l.probe!.populationDimensions[d]!;
      peak = Math.max(peak, x);
      fall = Math.max(fall, peak - x);
    }
  }
  return fall;
}

describe('number games', () => {
  it('sum game: every dimension advances, none is given up', async () => {
    const lines = await play('sum');
    expect(lines[0]!.probe!.objective).toBeLessThan(0.02);
    expect(lines.at(-1)!.probe!.objective).toBeGreaterThan(0.4);
    expect(largestDimensionFall(lines)).toBeLessThan(0.02);
  });

  it('intransitive game: a dimension gained is later given up', async () => {
    const lines = await play('intransitive');
    expect(lines.at(-1)!.probe!.objective).toBeGreaterThan(0.1);
    expect(largestDimensionFall(lines)).toBeGreaterThan(0.05);
  });
});
