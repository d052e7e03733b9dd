/** `redqueen serve DIR`: a run's files streamed to viewers, finished or still growing. */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../core/cli/run-command.ts';
import { accessPolicy } from '../../../core/stream/access.ts';
import { FRAMES_FILE } from '../../../core/stream/frames-log.ts';
import { StreamHub } from '../../../core/stream/hub.ts';
import { startReplay, type Replay } from '../../../core/stream/replay.ts';
import { pointsOf } from '../../../core/stream/run-files.ts';
import { startStreamServer, type StreamServer } from '../../../core/stream/server.ts';
import { client, SMALL_RUN, tempDir } from './helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(dir: string): Promise<{ server: StreamServer; replay: Replay; url: string }> {
  const hub = new StreamHub(null);
  const replay = await startReplay(dir, hub, 60_000);
  const server = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1' }), hub });
  cleanups.push(async () => {
    replay.stop();
    await server.close();
  });
  return { server, replay, url: `ws://127.0.0.1:${server.port}/ws` };
}

describe('replay', () => {
  it('streams a finished run from its files; controls are refused', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const dir = join(tmp.path, 'run');
    expect(await runCommand({ ...SMALL_RUN, generations: '20', out: dir })).toBe(0);
    const { url } = await serve(dir);
    const c = await client(url);
    const hello = await c.waitFor('hello');
    expect(hello).toMatchObject({ mode: 'replay', generation: 20, control: false, state: { status: 'replay' } });
    expect(hello.run).toMatchObject({ domain: 'sorting-networks', view: 'sorting-network', seed: '7', backend: 'cpu' });
    const history = await c.waitFor('history');
    expect(history.points).toEqual(pointsOf(readFileSync(join(dir, 'metrics.jsonl'), 'utf8')));
    const latest = await c.waitFor('generation');
    expect(latest.point.generation).toBe(19);
    expect(latest.detail?.best.solver).toEqual(JSON.parse(readFileSync(join(dir, 'best.json'), 'utf8')).solver);
    c.send({ type: 'pause' });
    expect((await c.waitFor('error')).code).toBe('unavailable');
  });

  it('follows a run that is still writing its files', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const full = join(tmp.path, 'full');
    expect(await runCommand({ ...SMALL_RUN, generations: '16', out: full })).toBe(0);
    // A copy of the run as it was at generation 10, with half a line being written.
    const growing = join(tmp.path, 'growing');
    mkdirSync(growing);
    copyFileSync(join(full, 'run.json'), join(growing, 'run.json'));
    const metrics = readFileSync(join(full, 'metrics.jsonl'), 'utf8').split('\n');
    const frames = readFileSync(join(full, FRAMES_FILE), 'utf8').split('\n');
    writeFileSync(join(growing, 'metrics.jsonl'), `${metrics.slice(0, 10).join('\n')}\n${metrics[10]!.slice(0, 30)}`);
    writeFileSync(join(growing, FRAMES_FILE), `${frames.slice(0, 10).join('\n')}\n`);

    const { replay, url } = await serve(growing);
    const c = await client(url);
    expect((await c.waitFor('history')).points.map((p) => p.generation)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    // The rest of the run arrives: frames first or last, the replay waits for whole lines.
    appendFileSync(join(growing, FRAMES_FILE), `${frames.slice(10, 16).join('\n')}\n`);
    appendFileSync(join(growing, 'metrics.jsonl'), `${metrics[10]!.slice(30)}\n${metrics.slice(11, 16).join('\n')}\n`);
    await replay.poll();
    const got = await c.waitFor('generation', (m) => m.point.generation === 15);
    expect(got.detail?.best).toBeDefined();
    const all = pointsOf(readFileSync(join(full, 'metrics.jsonl'), 'utf8'));
    const streamed = c.generations().filter((g) => g.point.generation >= 10);
    expect(streamed.map((g) => g.point)).toEqual(all.slice(10));
    // Each was joined to its frame: the CIAO row comes from it (the newest also has its picture).
    expect(streamed.every((g) => g.ciao?.generation === g.point.generation)).toBe(true);
  });

  it('refuses a directory that holds no run, naming it', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    await expect(startReplay(tmp.path, new StreamHub(null))).rejects.toThrow(/no run\.json here/);
  });
});
