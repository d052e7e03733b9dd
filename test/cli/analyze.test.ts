/**
 * `redqueen analyze` on real runs: the report, its plots and JSON; the
 * dominance chains it replays from champions.bin equal what the run measured
 * generation by generation; the intransitive number game is flagged as
 * cycling and the transitive sum game is not; bad directories are refused
 * with one line and exit 2. Also: a run with every remedy on resumes from a
 * checkpoint exactly as if never stopped.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

async function numberRun(game: string, generations: number, extra: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir();
  const config = join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ hallOfFame: { sample: 0 }, ...extra }));
  const out = join(dir, 'run');
  const r = await runCli(['run', '--domain', 'number-games', '--game', game, '--seed', '1', '--generations', String(generations),
    '--population', '32', '--backend', 'cpu', '--config', config, '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

interface Line {
  generation: number;
  probe: { score: number; dimensions: number[] } | null;
  dominance: { solvers: number; challengers: number };
  events: Array<{ phase: string; since: number }>;
  archive: { challengers: number; solvers: number } | null;
}

const lines = async (dir: string) =>
  (await readFile(join(dir, 'metrics.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Line);

describe('redqueen analyze', () => {
  it('reports the intransitive game cycling, with plots and JSON, consistent with the run', async () => {
    const dir = await numberRun('intransitive', 150);
    const text = await runCli(['analyze', dir]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Arms-race analysis of .* \(number-games, seed 1, 150 generations\)/);
    expect(text.stdout).toMatch(/dominance tournament: solver chain \d+/);
    expect(text.stdout).toMatch(/\n  cycling: generations \d+-(\d+|end) \(detected at \d+\)/);
    expect(text.stdout).toMatch(/master tournament over 128 generations/);
    for (const name of ['progress', 'master', 'matrix', 'dominance']) {
      const svg = await readFile(join(dir, 'analysis', `${name}.svg`), 'utf8');
      expect(svg.startsWith('<svg'), name).toBe(true);
      const png = await readFile(join(dir, 'analysis', `${name}.png`));
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(png.length).toBeGreaterThan(5000);
    }

    const json = await runCli(['analyze', dir, '--json', '--roster', '40']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.generations).toBe(150);
    expect(report.master.generations).toBe(40);
    expect(JSON.parse(await readFile(join(dir, 'analysis', 'report.json'), 'utf8'))).toEqual(report);
    // Replayed from champions.bin, the chains match what the run measured as it went.
    const last = (await lines(dir)).at(-1)!;
    expect(report.dominance.solvers.length).toBe(last.dominance.solvers);
    expect(report.dominance.challengers.length).toBe(last.dominance.challengers);
    // The best probed champion: the highest probe score in metrics.jsonl, and the solver
    // named is that generation's champion (its coordinates are the probe's dimensions).
    const probed = (await lines(dir)).filter((l) => l.probe !== null);
    const top = probed.reduce((a, b) => (b.probe!.score > a.probe!.score ? b : a));
    expect(report.probe.best.generation).toBe(top.generation);
    expect(report.probe.best.score).toBe(top.probe!.score);
    const { point, resolution } = report.probe.best.solver as { point: number[]; resolution: number };
    expect(point.map((x) => x / resolution)).toEqual(top.probe!.dimensions);
    expect(text.stdout).toContain(`  its champion solver: ${JSON.stringify(report.probe.best.solver)}`);
    const cycling = report.pathologies.filter((p: { kind: string }) => p.kind === 'cycling');
    expect(cycling.length).toBeGreaterThan(0);
    // Every episode in the report starts where an event in metrics.jsonl says.
    const starts = (await lines(dir)).flatMap((l) => l.events).filter((e) => e.phase === 'start');
    expect(report.pathologies.map((p: { since: number }) => p.since).sort()).toEqual(starts.map((e) => e.since).sort());
  });

  it('finds no cycling in the transitive sum game', async () => {
    const dir = await numberRun('sum', 150);
    const r = await runCli(['analyze', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.pathologies).toEqual([]);
    // Steady progress: every champion joins both chains or nearly so.
    expect(report.dominance.solvers.length).toBeGreaterThan(100);
    expect(report.master.solver.lastQuarter).toBeGreaterThan(report.master.solver.firstQuarter);
  });

  it('refuses a directory that holds no run, in one line, exit 2', async () => {
    const base = await tempDir();
    const missing = join(base, 'nope');
    let r = await runCli(['analyze', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`redqueen: error: ${missing}: no such directory; give the directory of a run (made by redqueen run --out DIR)`]);
    const empty = join(base, 'empty');
    await mkdir(empty);
    r = await runCli(['analyze', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^redqueen: error: ${empty}: no run\\.json here`));
    r = await runCli(['analyze', empty, '--roster', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/--roster must be between 2 and 2048/);
    expect(r.stdout).toBe('');
  });
});

describe('remedies and resume', () => {
  it('a run with sharing, the Pareto archive, a Hall of Fame and a thinning roster resumes bit-identically', async () => {
    const extra = { hallOfFame: { sample: 2 }, fitnessSharing: true, paretoArchive: { challengers: 4, solvers: 3 }, ciaoSamples: 8 };
    const whole = await numberRun('intransitive', 40, extra);
    const dir = await tempDir();
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify(extra));
    const half = join(dir, 'half');
    const first = await runCli(['run', '--domain', 'number-games', '--game', 'intransitive', '--seed', '1', '--generations', '17',
      '--population', '32', '--backend', 'cpu', '--config', config, '--out', half, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const resumed = await runCli(['resume', half, '--generations', '40', '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const a = await readFile(join(half, 'metrics.jsonl'), 'utf8');
    expect(a).toBe(await readFile(join(whole, 'metrics.jsonl'), 'utf8'));
    expect((await lines(half)).at(-1)!.archive).toEqual({ challengers: 4, solvers: 3 });
    expect(await readFile(join(half, 'champions.bin'))).toEqual(await readFile(join(whole, 'champions.bin')));
  });
});
