/** `redqueen serve RUNS_DIR`: a folder of runs, its overview data, and one run's stream by name. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../core/cli/run-command.ts';
import { lockRunDir } from '../../../core/run/lock.ts';
import { accessPolicy } from '../../../core/stream/access.ts';
import { pointsOf } from '../../../core/stream/run-files.ts';
import { curvesOf, findRuns, runsFolder, serveTarget } from '../../../core/stream/runs-dir.ts';
import { RunsOverviewSchema } from '../../../core/stream/runs-protocol.ts';
import { startStreamServer, type StreamServer } from '../../../core/stream/server.ts';
import { client, point, SMALL_RUN, tempDir, upgradeStatus } from './helpers.ts';

const tmp = tempDir();
const runs = join(tmp.path, 'runs');
let server: StreamServer;

beforeAll(async () => {
  expect(await runCommand({ ...SMALL_RUN, generations: '12', seed: '1', out: join(runs, 'seed-1') })).toBe(0);
  expect(await runCommand({ ...SMALL_RUN, generations: '12', seed: '2', out: join(runs, 'seed-2') })).toBe(0);
  // Another setup (a larger population), stopped before its target.
  expect(await runCommand({ ...SMALL_RUN, population: '24', generations: '8', seed: '1', out: join(runs, 'pop-24') })).toBe(0);
  const runJson = join(runs, 'pop-24', 'run.json');
  const run = JSON.parse(readFileSync(runJson, 'utf8')) as { config: { generations: number } };
  run.config.generations = 50;
  writeFileSync(runJson, JSON.stringify(run));
  mkdirSync(join(runs, 'not-a-run'));
  server = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1' }), runs: runsFolder(runs) });
});
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

describe('a folder of runs', () => {
  it('is told from a run and from neither', async () => {
    expect(await serveTarget(join(runs, 'seed-1'))).toEqual({ kind: 'run' });
    expect(await serveTarget(runs)).toEqual({ kind: 'runs', names: ['pop-24', 'seed-1', 'seed-2'] });
    await expect(serveTarget(join(runs, 'not-a-run'))).rejects.toThrow(/not-a-run: no run\.json here and no run directories under it/);
    await expect(serveTarget(join(runs, 'nowhere'))).rejects.toThrow(/nowhere: no such directory/);
    expect(await findRuns(join(runs, 'nowhere'))).toEqual([]);
  });

  it('GET /api/runs lists every run with its state, setup, best probe and curves', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/runs`);
    expect(res.status).toBe(200);
    const overview = RunsOverviewSchema.parse(await res.json());
    expect(overview.runs.map((r) => [r.name, r.seed, r.generations, r.state, r.setup])).toEqual([
      ['pop-24', '1', 8, 'stopped', 'A'],
      ['seed-1', '1', 12, 'finished', 'B'],
      ['seed-2', '2', 12, 'finished', 'B'],
    ]);
    expect(overview.runs[1]!.differs).toEqual(['challengers=16', 'solvers=16']);
    const seed2 = overview.runs[2]!;
    const points = pointsOf(readFileSync(join(runs, 'seed-2', 'metrics.jsonl'), 'utf8'));
    expect(seed2.curves).toEqual(curvesOf(points));
    const probes = points.filter((p) => p.probe !== null).map((p) => p.probe!);
    expect(seed2.bestProbe?.score).toBe(Math.max(...probes));
  });

  it('curves are thinned evenly and keep the last generation', () => {
    const c = curvesOf(Array.from({ length: 2501 }, (_, g) => point(g)), 1000);
    expect(c.x.length).toBeLessThanOrEqual(1001);
    expect(c.x.slice(0, 3)).toEqual([0, 3, 6]);
    expect(c.x[c.x.length - 1]).toBe(2500);
  });

  it('streams one run by name; an unknown name is refused', async () => {
    const c = await client(`ws://127.0.0.1:${server.port}/ws?run=seed-2`);
    const hello = await c.waitFor('hello');
    expect(hello).toMatchObject({ mode: 'replay', generation: 12, run: { seed: '2' } });
    c.send({ type: 'seek', generation: 3 });
    expect((await c.waitFor('snapshot')).point.generation).toBe(3);
    c.close();
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/ws?run=../seed-2`)).toBe(404);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/ws?run=not-a-run`)).toBe(404);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/ws`)).toBe(404);
  });

  it('with a token, the overview data needs it as the stream does', async () => {
    const token = 'overview-token-123';
    const guarded = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1', token }), runs: runsFolder(runs) });
    try {
      const url = `http://127.0.0.1:${guarded.port}/api/runs`;
      const refused = await fetch(url);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: string }).error).toMatch(/token/);
      expect((await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(`${url}?token=${token}`)).status).toBe(200);
      expect(await upgradeStatus(`ws://127.0.0.1:${guarded.port}/ws?run=seed-1`)).toBe(401);
    } finally {
      await guarded.close();
    }
  });

  it('a run whose directory a live writer holds is running', async () => {
    const lock = await lockRunDir(join(runs, 'seed-2'), 'test writer');
    try {
      const overview = await runsFolder(runs).overview();
      expect(overview.runs.map((r) => r.state)).toEqual(['stopped', 'finished', 'running']);
    } finally {
      await lock.release();
    }
    expect((await runsFolder(runs).overview()).runs[2]!.state).toBe('finished');
  });
});

