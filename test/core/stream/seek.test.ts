/** `seek` in a replay: one viewer moves to an earlier generation, as the run's files keep it. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../core/cli/run-command.ts';
import { accessPolicy } from '../../../core/stream/access.ts';
import { FRAMES_FILE, parseFrames } from '../../../core/stream/frames-log.ts';
import { StreamHub } from '../../../core/stream/hub.ts';
import { startReplay } from '../../../core/stream/replay.ts';
import { pointsOf } from '../../../core/stream/run-files.ts';
import { startStreamServer } from '../../../core/stream/server.ts';
import { client, SMALL_RUN, tempDir, testRun } from './helpers.ts';

const tmp = tempDir();
const dir = join(tmp.path, 'run');
const cleanups: Array<() => Promise<void> | void> = [];

async function serve(runDir: string): Promise<string> {
  const hub = new StreamHub(null);
  const replay = await startReplay(runDir, hub, 60_000);
  const server = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1' }), hub });
  cleanups.push(async () => {
    replay.stop();
    await server.close();
  });
  return `ws://127.0.0.1:${server.port}/ws`;
}

beforeAll(async () => {
  expect(await runCommand({ ...SMALL_RUN, generations: '24', out: dir })).toBe(0);
});
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  tmp.remove();
});

describe('seek', () => {
  it('answers with the generation from the files, to the asking viewer only', async () => {
    const url = await serve(dir);
    const [a, b] = await Promise.all([client(url), client(url)]);
    await Promise.all([a.waitFor('generation'), b.waitFor('generation')]);
    const points = pointsOf(readFileSync(join(dir, 'metrics.jsonl'), 'utf8'));
    const frames = new Map(parseFrames(readFileSync(join(dir, FRAMES_FILE), 'utf8')).map((f) => [f.generation, f.detail]));
    for (const g of [5, 0, 23]) {
      a.send({ type: 'seek', generation: g });
      const snap = await a.waitFor('snapshot', (m) => m.generation === g);
      expect(snap.point).toEqual(points[g]);
      expect(snap.detailGeneration).toBe(g);
      expect(snap.detail).toEqual(frames.get(g));
      // champions.bin's record of g says what the frame says.
      expect(snap.champions).toEqual(frames.get(g)!.best);
    }
    // Two generations' matrices differ (else the test could not tell a seek from none).
    expect(frames.get(5)!.matrix.data).not.toBe(frames.get(23)!.matrix.data);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.of('snapshot')).toEqual([]);
    expect(a.invalid).toEqual([]);
  });

  it('a generation whose frame was thinned out gets the nearest kept one before it, named', async () => {
    const thinned = join(tmp.path, 'thinned');
    mkdirSync(thinned);
    for (const f of ['run.json', 'metrics.jsonl', 'champions.bin', 'checkpoint.json', 'best.json']) copyFileSync(join(dir, f), join(thinned, f));
    // Keep the frames of even generations only, as a long run keeps every 10th.
    const lines = readFileSync(join(dir, FRAMES_FILE), 'utf8').split('\n').filter(Boolean);
    writeFileSync(join(thinned, FRAMES_FILE), lines.filter((l) => (JSON.parse(l) as { generation: number }).generation % 2 === 0).map((l) => `${l}\n`).join(''));
    const full = lines.map((l) => parseFrames(`${l}\n`)[0]!);
    // An odd generation whose champions differ from the kept generation before it.
    const g = full.findIndex((f, i) => i % 2 === 1 && JSON.stringify(f.detail.best) !== JSON.stringify(full[i - 1]!.detail.best));
    expect(g).toBeGreaterThan(0);
    const c = await client(await serve(thinned));
    await c.waitFor('hello');
    c.send({ type: 'seek', generation: g });
    const snap = await c.waitFor('snapshot');
    expect(snap.point).toEqual(pointsOf(readFileSync(join(dir, 'metrics.jsonl'), 'utf8'))[g]);
    expect(snap.detailGeneration).toBe(g - 1);
    expect(snap.detail).toEqual(full[g - 1]!.detail);
    // The champions are generation g's own (from champions.bin), as the unthinned frame has them.
    expect(snap.champions).toEqual(full[g]!.detail.best);
  });

  it('refuses a generation not in the files, and a malformed seek, with a reason', async () => {
    const c = await client(await serve(dir));
    await c.waitFor('hello');
    c.send({ type: 'seek', generation: 24 });
    const missing = await c.waitFor('error');
    expect(missing.code).toBe('unavailable');
    expect(missing.message).toMatch(/generation 24 .*generations 0 to 23/);
    c.send({ type: 'seek', generation: -3 });
    const bad = await c.waitFor('error', (m) => m.code === 'bad-message');
    expect(bad.message).toMatch(/field "generation"/);
    expect(c.of('snapshot')).toEqual([]);
  });

  it('a live run has no timeline: seek is unavailable and the run goes on', async () => {
    const run = await testRun({ generations: '40' }, { gate: { paused: false, speed: 20 } });
    cleanups.push(() => run.cleanup());
    const c = await client(run.wsUrl);
    const done = run.start();
    await c.waitFor('generation');
    c.send({ type: 'seek', generation: 0 });
    const e = await c.waitFor('error');
    expect(e.code).toBe('unavailable');
    expect(e.message).toMatch(/redqueen serve/);
    expect(await done).toBe(0);
    expect(c.of('snapshot')).toEqual([]);
  });
});
