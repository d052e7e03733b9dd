/**
 * `redqueen sweep`: 2 setups x 3 seeds on 2 local jobs give the same per-run
 * metrics as the same runs made one by one; a run left half done (killed) is
 * resumed from its checkpoint, not restarted, and still ends identical.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lineCount, runCli, startCli, tempDir, waitFor } from '../helpers/cli.ts';

const CONFIG = { domain: 'number-games', generations: 6, solvers: 8, challengers: 8, backend: 'cpu', options: { game: 'intransitive' } };

describe('redqueen sweep', () => {
  it('matches runs made one by one, and resumes a killed run', async () => {
    const root = await tempDir('rq-sweep-');
    const configPath = join(root, 'base.json');
    await writeFile(configPath, JSON.stringify(CONFIG));
    const out = join(root, 'sweep');
    const sets = ['hallOfFame.sample=0', 'hallOfFame.sample=4'];
    // What each setup is, as a config file of its own for the runs made one by one.
    const single = (sample: number) => join(root, `single-${sample}.json`);
    for (const sample of [0, 4]) await writeFile(single(sample), JSON.stringify({ ...CONFIG, hallOfFame: { sample } }));

    // Leave one run half done, as a run whose process died: killed after its first checkpointed
    // generation. It plays at 1 generation a second (--speed needs a stream: --port 0), so on a
    // loaded machine it cannot finish its 6 generations before the kill lands.
    const halfDir = join(out, 'hallOfFame.sample=4', 'seed-2');
    const half = startCli(['run', '--config', single(4), '--seed', '2', '--out', halfDir, '--quiet', '--port', '0', '--speed', '1']);
    await waitFor(async () => (await lineCount(join(halfDir, 'metrics.jsonl'))) >= 1 && existsSync(join(halfDir, 'checkpoint.json')));
    half.child.kill('SIGKILL');
    await half.done;

    const r = await runCli(['sweep', '--config', configPath, '--seeds', '1..3', ...sets.flatMap((s) => ['--set', s]), '--jobs', '2', '--out', out, '--measures', 'solvers.mean,probe.score']);
    expect(r.code, r.stderr).toBe(0);
    const sweep = JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8')) as {
      jobs: { setup: string; seed: string; attempts: string[]; ok: boolean }[];
      setups: { setup: string; runs: number; measures: Record<string, { n: number; vsFirst: unknown }> }[];
    };
    expect(sweep.jobs).toHaveLength(6);
    const resumed = sweep.jobs.find((j) => j.setup === sets[1] && j.seed === '2')!;
    expect(resumed.attempts[0]).toBe('resume');
    expect(sweep.setups.map((s) => s.runs)).toEqual([3, 3]);
    expect(sweep.setups[0]!.measures['solvers.mean']!.n).toBe(3);
    expect(await readFile(join(out, 'sweep.md'), 'utf8')).toMatch(/\| hallOfFame\.sample=4 \| 3 \|/);

    // The same runs one by one, in this process's order.
    for (const [i, sample] of [0, 4].entries()) {
      for (const seed of ['1', '2', '3']) {
        const dir = join(root, 'single', `${sample}-${seed}`);
        const one = await runCli(['run', '--config', single(sample), '--seed', seed, '--out', dir, '--quiet']);
        expect(one.code, one.stderr).toBe(0);
        const want = await readFile(join(dir, 'metrics.jsonl'), 'utf8');
        const got = await readFile(join(out, sets[i]!.replace(/[^A-Za-z0-9.=-]+/g, '_'), `seed-${seed}`, 'metrics.jsonl'), 'utf8');
        expect(got).toBe(want);
      }
    }
  });

  it('bad --seeds is one line naming the flag, exit 2', async () => {
    const root = await tempDir('rq-sweep-');
    await writeFile(join(root, 'base.json'), JSON.stringify(CONFIG));
    const r = await runCli(['sweep', '--config', join(root, 'base.json'), '--seeds', '5..1', '--out', join(root, 'o')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--seeds 5\.\.1/);
  });
});
