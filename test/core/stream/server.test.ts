/**
 * The stream protocol against a real run: catch-up, order, malformed input,
 * a stalled viewer, many viewers at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pointsOf } from '../../../core/stream/run-files.ts';
import { client, sleep, testRun, type TestRun } from './helpers.ts';

let run: TestRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

const metricsPoints = (dir: string) => pointsOf(readFileSync(join(dir, 'metrics.jsonl'), 'utf8'));

describe('stream server', () => {
  it('greets a late viewer with hello and a catch-up equal to metrics.jsonl, then streams the rest in order', async () => {
    run = await testRun({ generations: '30' }, { gate: { paused: true, speed: 0 } });
    const done = run.start();
    const first = await client(run.wsUrl);
    await first.waitFor('hello');
    first.send({ type: 'step', count: 12 });
    await first.waitFor('generation', (m) => m.point.generation === 11);
    await sleep(100); // the gate holds generation 12
    expect(run.live.hub.generation).toBe(12);

    const late = await client(run.wsUrl);
    const hello = await late.waitFor('hello');
    expect(hello.mode).toBe('live');
    expect(hello.generation).toBe(12);
    expect(hello.control).toBe(true);
    expect(hello.state.status).toBe('paused');
    expect(hello.run.domain).toBe('sorting-networks');
    expect(hello.run.view).toBe('sorting-network');
    expect(hello.run.generations).toBe(30);
    const history = await late.waitFor('history');
    expect(history.total).toBe(12);
    expect(history.points).toEqual(metricsPoints(run.dir).slice(0, 12));
    // The newest generation's detail follows the history.
    const latest = await late.waitFor('generation');
    expect(latest.point.generation).toBe(11);
    expect(latest.detail?.best.solver).toMatchObject({ inputs: 5 });

    late.send({ type: 'resume' });
    expect(await done).toBe(0);
    await late.waitFor('state', (s) => s.status === 'finished');
    const streamed = late.generations().map((g) => g.point.generation);
    expect(streamed).toEqual(Array.from({ length: 30 - 11 }, (_, i) => 11 + i));
    const all = metricsPoints(run.dir);
    expect(all).toHaveLength(30);
    for (const g of late.generations()) expect(g.point).toEqual(all[g.point.generation]);
    // Generations played since the last message ride along with the next one, each with its CIAO row.
    for (const g of late.generations()) if (g.point.generation > 0) expect(g.ciao?.generation).toBe(g.point.generation);
    // The last message carries the last generation's picture.
    expect(late.of('generation').at(-1)?.detail?.ciao?.generation).toBe(29);
    expect(late.invalid).toEqual([]);
    expect(first.invalid).toEqual([]);
  });

  it('answers malformed messages with an error and changes nothing', async () => {
    run = await testRun({ generations: '30' }, { gate: { paused: true, speed: 3 } });
    void run.start();
    const c = await client(run.wsUrl);
    await c.waitFor('hello');
    const bad = [
      'not json',
      '[]',
      '{}',
      'null',
      '{"type":"jump"}',
      '{"type":"speed"}',
      '{"type":"speed","generationsPerSecond":-1}',
      '{"type":"speed","generationsPerSecond":"fast"}',
      '{"type":"speed","generationsPerSecond":1e9}',
      '{"type":"step","count":0}',
      '{"type":"step","count":1.5}',
      '{"type":"pause","extra":1}',
      '{"type":"__proto__"}',
    ];
    for (const text of bad) c.send(text);
    c.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await c.waitFor('error', () => c.of('error').length >= bad.length + 1);
    const errors = c.of('error');
    expect(errors).toHaveLength(bad.length + 1);
    expect(errors.every((e) => e.code === 'bad-message')).toBe(true);
    expect(errors.find((e) => e.message.includes('generationsPerSecond'))).toBeDefined();
    expect(run.live.gate.state()).toEqual({ paused: true, speed: 3 });
    expect(run.live.hub.generation).toBe(0);
    expect(c.of('state')).toHaveLength(0);
    // Still connected and still obeyed.
    c.send({ type: 'speed', generationsPerSecond: 7 });
    await c.waitFor('state', (s) => s.speed === 7);
    expect(run.live.gate.state()).toEqual({ paused: true, speed: 7 });
  });

  it('keeps the run going while a viewer never reads, then tells that viewer what it missed', async () => {
    // 256 x 256 matrices: ~90 KB per generation message, far more than the socket buffers hold.
    run = await testRun(
      { inputs: '4', vectors: '2', solvers: '256', challengers: '256', generations: '250' },
      // Every generation in a message of its own, so the backlog outgrows the socket buffers quickly.
      { gate: { paused: true, speed: 0 }, hubLimits: { batchMs: 0 } },
    );
    const done = run.start();
    const stalled = await client(run.wsUrl);
    await stalled.waitFor('hello');
    await stalled.waitFor('history');
    stalled.socket.pause(); // stop reading from the socket: the kernel buffers fill, then the queue
    const reader = await client(run.wsUrl);
    await reader.waitFor('hello');
    reader.send({ type: 'resume' });
    // The run finishes while the stalled viewer has not read a byte.
    expect(await done).toBe(0);
    expect(run.live.hub.generation).toBe(250);
    const [statsStalled] = run.live.hub.queueStats();
    expect(statsStalled!.dropped).toBeGreaterThan(0);
    expect(statsStalled!.queued).toBeLessThanOrEqual(32);
    expect(statsStalled!.bytes).toBeLessThanOrEqual(4 << 20);

    stalled.socket.resume();
    const lagged = await stalled.waitFor('lagged');
    expect(lagged.dropped).toBeGreaterThan(0);
    await stalled.waitFor('state', (s) => s.status === 'finished');
    // Every generation reached the stalled viewer's charts: streamed, or listed in the lagged notices.
    const seen = new Set([
      ...stalled.of('history').flatMap((h) => h.points.map((p) => p.generation)),
      ...stalled.generations().map((g) => g.point.generation),
      ...stalled.of('lagged').flatMap((l) => l.points.map((p) => p.generation)),
    ]);
    for (let g = 0; g < 250; g++) expect(seen.has(g)).toBe(true);
    // The viewer that kept up got everything in order.
    const got = reader.generations().map((g) => g.point.generation);
    expect(got).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('serves 50 viewers at once, each getting every generation in order', async () => {
    run = await testRun({ generations: '25' }, { gate: { paused: true, speed: 0 } });
    const done = run.start();
    const clients = await Promise.all(Array.from({ length: 50 }, () => client(run!.wsUrl)));
    await Promise.all(clients.map((c) => c.waitFor('hello')));
    expect(run.live.hub.clientCount).toBe(50);
    clients[17]!.send({ type: 'resume' });
    expect(await done).toBe(0);
    await Promise.all(clients.map((c) => c.waitFor('state', (s) => s.status === 'finished')));
    const expected = Array.from({ length: 25 }, (_, i) => i);
    for (const c of clients) {
      expect(c.generations().map((g) => g.point.generation)).toEqual(expected);
      expect(c.of('lagged')).toHaveLength(0);
      expect(c.invalid).toEqual([]);
    }
  });

  it('pause holds the run and step lets exactly the asked generations through', async () => {
    run = await testRun({ generations: '200' }, { gate: { paused: false, speed: 20 } });
    void run.start();
    const c = await client(run.wsUrl);
    await c.waitFor('hello');
    c.send({ type: 'pause' });
    await c.waitFor('state', (s) => s.status === 'paused');
    await sleep(300);
    const held = run.live.hub.generation;
    await sleep(500);
    expect(run.live.hub.generation).toBe(held);
    c.send({ type: 'step', count: 3 });
    await c.waitFor('generation', (m) => m.point.generation === held + 2);
    await sleep(300);
    expect(run.live.hub.generation).toBe(held + 3);
    expect(run.live.gate.state().paused).toBe(true);
  });
});
