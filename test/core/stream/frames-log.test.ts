import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../core/cli/run-command.ts';
import { resumeCommand } from '../../../core/cli/resume-command.ts';
import { framesPath, keepsFrame, parseFrames } from '../../../core/stream/frames-log.ts';
import { SMALL_RUN, tempDir } from './helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('frames.jsonl', () => {
  it('keeps every frame below 1000, then about 1000 per decade', () => {
    const count = (from: number, to: number) => {
      let n = 0;
      for (let g = from; g < to; g++) if (keepsFrame(g)) n++;
      return n;
    };
    expect(count(0, 1000)).toBe(1000);
    expect(count(1000, 10_000)).toBe(900);
    expect(count(10_000, 100_000)).toBe(900);
    expect(count(100_000, 1_000_000)).toBe(900);
  });

  it('is written by every run, one frame per generation of a short run, and cut back on resume', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const dir = join(tmp.path, 'run');
    expect(await runCommand({ ...SMALL_RUN, generations: '12', out: dir })).toBe(0);
    const frames = parseFrames(readFileSync(framesPath(dir), 'utf8'));
    expect(frames.map((f) => f.generation)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(frames[5]!.detail.best.solver).toMatchObject({ inputs: 5 });
    expect(frames[0]!.detail.ciao).toBeNull();
    expect(frames[5]!.detail.ciao?.generation).toBe(5);

    // A session that died after its checkpoint left frames beyond it: resume drops them.
    const checkpointed = readFileSync(framesPath(dir), 'utf8');
    const bogus = { ...frames[11]!, generation: 12 };
    writeFileSync(framesPath(dir), `${checkpointed}${JSON.stringify(bogus)}\n{"generation":13,"det`);
    expect(await resumeCommand(dir, { generations: '15', quiet: true })).toBe(0);
    const after = parseFrames(readFileSync(framesPath(dir), 'utf8'));
    expect(after.map((f) => f.generation)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(after[12]).not.toEqual(bogus);
  });

  it('skips torn and foreign lines', () => {
    const good = JSON.stringify({
      generation: 3,
      detail: {
        matrix: { rows: 1, cols: 1, solvers: 1, challengers: 1, data: 'AA==' },
        ciao: null,
        probe: null,
        best: { solver: 1, challenger: 2, summary: null },
        samples: null,
      },
    });
    const text = `${good}\nnot json\n{"generation":"x"}\n{"generation":4,"detail":{}}\n${good}`;
    expect(parseFrames(text).map((f) => f.generation)).toEqual([3]);
  });
});
