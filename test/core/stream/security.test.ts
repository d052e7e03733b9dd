/**
 * Security of the stream server: tokens, origin and host checks, the
 * message size limit and per-client rate limits. Every refusal leaves the
 * run's controls as they were.
 */
import { request } from 'node:http';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { accessPolicy } from '../../../core/stream/access.ts';
import { client, sleep, testRun, upgradeStatus, type TestRun } from './helpers.ts';

let run: TestRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

const TOKEN = 'sesame-0123456789';

/** A raw upgrade request with chosen headers; resolves to the response status. */
function rawUpgrade(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/ws',
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('stream security', () => {
  it('with --token, viewing and controlling need the token', async () => {
    run = await testRun({}, { token: TOKEN, gate: { paused: true, speed: 0 } });
    void run.start();
    expect(await upgradeStatus(run.wsUrl)).toBe(401);
    expect(await upgradeStatus(`${run.wsUrl}?token=wrong-token-000`)).toBe(401);
    expect(await upgradeStatus(`${run.wsUrl}?token=${TOKEN}x`)).toBe(401);
    const c = await client(`${run.wsUrl}?token=${TOKEN}`);
    expect((await c.waitFor('hello')).control).toBe(true);
    const bearer = await client(run.wsUrl, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect((await bearer.waitFor('hello')).control).toBe(true);
  });

  it('with only a control token (non-loopback binding), anyone may watch but only the token may steer', async () => {
    // What a non-loopback --host gets (a generated control token, viewing open), here on loopback.
    const access = { ...accessPolicy({ host: '127.0.0.1' }), controlToken: TOKEN };
    run = await testRun({}, { access, gate: { paused: true, speed: 0 } });
    void run.start();
    const viewer = await client(run.wsUrl);
    const hello = await viewer.waitFor('hello');
    expect(hello.control).toBe(false);
    for (const m of [{ type: 'resume' }, { type: 'step' }, { type: 'speed', generationsPerSecond: 9 }]) viewer.send(m);
    await viewer.waitFor('error', () => viewer.of('error').length === 3);
    expect(viewer.of('error').every((e) => e.code === 'forbidden')).toBe(true);
    await sleep(200);
    expect(run.live.gate.state()).toEqual({ paused: true, speed: 0 });
    expect(run.live.hub.generation).toBe(0);

    const owner = await client(`${run.wsUrl}?token=${TOKEN}`);
    expect((await owner.waitFor('hello')).control).toBe(true);
    owner.send({ type: 'speed', generationsPerSecond: 9 });
    await owner.waitFor('state', (s) => s.speed === 9);
    expect(run.live.gate.state().speed).toBe(9);
  });

  it('refuses upgrades from other origins and, on loopback, other host names (DNS rebinding)', async () => {
    run = await testRun({});
    const port = run.live.server.port;
    const own = `127.0.0.1:${port}`;
    expect(await rawUpgrade(port, { Host: own })).toBe(101);
    expect(await rawUpgrade(port, { Host: own, Origin: `http://${own}` })).toBe(101);
    expect(await rawUpgrade(port, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).toBe(101);
    expect(await rawUpgrade(port, { Host: own, Origin: 'http://evil.example' })).toBe(403);
    expect(await rawUpgrade(port, { Host: own, Origin: `http://localhost:${port}` })).toBe(403);
    expect(await rawUpgrade(port, { Host: own, Origin: 'null' })).toBe(403);
    expect(await rawUpgrade(port, { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).toBe(403);
    // The pages themselves are refused to a rebinding host too.
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).end();
    });
    expect(status).toBe(403);
  });

  it('on a non-loopback bind (0.0.0.0), checks Host on every request and upgrade, and refuses a wrong token', async () => {
    run = await testRun({}, { host: '0.0.0.0', allowedHosts: ['viewer.example'], gate: { paused: true, speed: 0 } });
    void run.start();
    const port = run.live.server.port;
    const token = run.live.access.controlToken!;
    expect(await rawUpgrade(port, { Host: `evil.com:${port}`, Origin: `http://evil.com:${port}` })).toBe(403);
    expect(await rawUpgrade(port, { Host: `evil.com:${port}` })).toBe(403);
    expect(await rawUpgrade(port, { Host: `${hostname()}:${port}` })).toBe(101);
    expect(await rawUpgrade(port, { Host: `viewer.example:${port}` })).toBe(101);
    expect(await rawUpgrade(port, { Host: `127.0.0.1:${port}` })).toBe(101);
    const page = (host: string) =>
      new Promise<number>((resolve) => {
        request({ host: '127.0.0.1', port, path: '/', headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).end();
      });
    expect(await page(`evil.com:${port}`)).toBe(403);
    expect(await page(`viewer.example:${port}`)).not.toBe(403);
    // Watching is open without a token, but a wrong one is refused, not demoted to watch-only.
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/ws?token=wrong-token-000`)).toBe(401);
    const viewer = await client(`ws://127.0.0.1:${port}/ws`);
    expect((await viewer.waitFor('hello')).control).toBe(false);
    const owner = await client(`ws://127.0.0.1:${port}/ws?token=${token}`);
    expect((await owner.waitFor('hello')).control).toBe(true);
  });

  it('closes a connection that sends an oversized message (1009) without touching the run', async () => {
    run = await testRun({}, { gate: { paused: true, speed: 2 } });
    void run.start();
    const other = await client(run.wsUrl);
    const c = await client(run.wsUrl);
    await c.waitFor('hello');
    c.send(JSON.stringify({ type: 'speed', generationsPerSecond: 5, pad: 'x'.repeat(100_000) }));
    const closed = await c.closed;
    expect(closed.code).toBe(1009);
    expect(run.live.gate.state()).toEqual({ paused: true, speed: 2 });
    // Others are unaffected.
    other.send({ type: 'speed', generationsPerSecond: 4 });
    await other.waitFor('state', (s) => s.speed === 4);
  });

  it('rate-limits each client: excess messages are refused with one error, others keep their budget', async () => {
    run = await testRun({}, { gate: { paused: true, speed: 0 }, hubLimits: { rate: { perSecond: 5, burst: 10 }, floodClose: 300 } });
    void run.start();
    const accepted: number[] = [];
    run.live.gate.onChange((state) => accepted.push(state.speed));
    const flooder = await client(run.wsUrl);
    const calm = await client(run.wsUrl);
    await flooder.waitFor('hello');
    await calm.waitFor('hello');
    const start = performance.now();
    for (let i = 0; i < 100; i++) flooder.send({ type: 'speed', generationsPerSecond: i + 1 });
    await flooder.waitFor('error', (e) => e.code === 'rate-limited');
    await sleep(300);
    // The burst (10) went to the first ten messages; after that only refilled tokens
    // (5 a second) let one through. A loaded machine reads the flood in several chunks
    // with a hold between them, so the bounds scale with the time it took.
    const seconds = (performance.now() - start) / 1000;
    expect(accepted.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(accepted.length).toBeLessThanOrEqual(10 + Math.floor(5 * seconds));
    expect(run.live.gate.state().speed).toBe(accepted[accepted.length - 1]);
    // At most one rate-limited error a second.
    const errors = flooder.of('error').filter((e) => e.code === 'rate-limited').length;
    expect(errors).toBeGreaterThanOrEqual(1);
    expect(errors).toBeLessThanOrEqual(Math.floor(seconds) + 1);
    calm.send({ type: 'speed', generationsPerSecond: 42 });
    await calm.waitFor('state', (s) => s.speed === 42);

    // A client that keeps flooding is cut off (1008); the run is untouched: still paused,
    // and its speed the last accepted one (42, or a late refilled token of the first flood).
    for (let i = 0; i < 400; i++) flooder.send({ type: 'pause' });
    expect((await flooder.closed).code).toBe(1008);
    const total = (performance.now() - start) / 1000;
    expect(accepted.length).toBeLessThanOrEqual(11 + Math.floor(5 * total));
    expect(run.live.gate.state()).toEqual({ paused: true, speed: accepted[accepted.length - 1] });
  });
});
