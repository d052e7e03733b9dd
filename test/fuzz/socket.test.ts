/**
 * Fuzzing the stream's WebSocket with thousands of random and mutated
 * messages (fast-check, fixed seeds so a failure replays) against a live,
 * paused run: the server never crashes or hangs, answers every rejected
 * message with exactly one `error` (or closes the connection as documented:
 * 1009 oversized, 1007 not UTF-8, 1008 flooding), and no rejected message
 * changes the run: paused stays paused, the pace stays, no generation runs,
 * no `state` message goes out.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { accessPolicy } from '../../core/stream/access.ts';
import { parseClientMessage } from '../../core/stream/protocol.ts';
import { client, testRun, type Client, type TestRun } from '../core/stream/helpers.ts';

const SEED = 20261125;
const MESSAGES = 3000;
const GATE = { paused: true, speed: 3 } as const;
/** Rate limits out of the way, so that every message is parsed and answered. */
const UNLIMITED = { rate: { perSecond: 1e9, burst: 1e9 }, floodClose: Number.MAX_SAFE_INTEGER };

let run: TestRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

const VALID = ['{"type":"pause"}', '{"type":"resume"}', '{"type":"step","count":3}', '{"type":"speed","generationsPerSecond":2.5}'];

/** Character-level edits of a valid command: insert, delete, replace, truncate. */
const textMutation = fc
  .tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3, unit: 'binary' })), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((t, [at, drop, put]) => t.slice(0, at % (t.length + 1)) + put + t.slice((at % (t.length + 1)) + drop), text));

/** Object-level edits: known and unknown types, wrong, missing, extra and out-of-range fields. */
const objectMutation = fc
  .record(
    {
      type: fc.oneof(fc.constantFrom('pause', 'resume', 'step', 'speed', '__proto__', 'constructor', ''), fc.string(), fc.jsonValue({ maxDepth: 1 })),
      count: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      generationsPerSecond: fc.oneof(fc.double(), fc.integer({ min: -1e12, max: 1e12 }), fc.string(), fc.constant(null)),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

/** Anything: random text, random JSON, mutations; some of it may be a valid command. */
const anyMessage = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.json({ maxDepth: 3 }),
  textMutation,
  objectMutation,
  fc.constantFrom(...VALID),
);
const fits = (text: string) => Buffer.byteLength(text) <= 4096;
const malformed = anyMessage.filter((text) => fits(text) && !parseClientMessage(text).ok);

/** Error replies so far, counted as they arrive (Client.waitFor rescans every message). */
function errorCounter(c: Client): () => number {
  let n = 0;
  c.socket.on('message', (data: Buffer) => {
    if (data.subarray(0, 15).toString() === '{"type":"error"') n++;
  });
  return () => n;
}

/** Send in batches, waiting for each batch's replies, so no queue ever fills. */
async function sendAll(c: Client, items: ReadonlyArray<string | Uint8Array>): Promise<void> {
  const errors = errorCounter(c);
  for (let i = 0; i < items.length; i += 200) {
    for (const item of items.slice(i, i + 200)) c.socket.send(item, { binary: typeof item !== 'string' });
    const want = Math.min(i + 200, items.length);
    const deadline = performance.now() + 20_000;
    while (errors() < want) {
      if (performance.now() > deadline) throw new Error(`${errors()} error replies after ${want} messages`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

function expectUntouched(r: TestRun, watchers: Client[]): void {
  expect(r.live.gate.state()).toEqual(GATE);
  expect(r.live.hub.generation).toBe(0);
  for (const w of watchers) {
    expect(w.of('state')).toEqual([]);
    expect(w.invalid).toEqual([]);
  }
}

describe('fuzz: the stream socket', () => {
  it('answers each of thousands of malformed messages and binary frames with one bad-message error, changing nothing', async () => {
    run = await testRun({}, { gate: GATE, hubLimits: UNLIMITED });
    void run.start();
    const fuzzer = await client(run.wsUrl);
    const watcher = await client(run.wsUrl);
    await fuzzer.waitFor('hello');
    await watcher.waitFor('hello');
    const texts = fc.sample(malformed, { seed: SEED, numRuns: MESSAGES });
    const frames = fc.sample(fc.uint8Array({ maxLength: 512 }), { seed: SEED + 1, numRuns: 200 });
    await sendAll(fuzzer, [...texts, ...frames]);
    const errors = fuzzer.of('error');
    expect(errors).toHaveLength(texts.length + frames.length);
    expect(errors.every((e) => e.code === 'bad-message' && e.message.length > 0)).toBe(true);
    expectUntouched(run, [fuzzer, watcher]);
    // Still there and still obeyed.
    fuzzer.send({ type: 'speed', generationsPerSecond: 7 });
    await watcher.waitFor('state', (s) => s.speed === 7);
  });

  it('without control, no message of any kind changes the run: each gets forbidden or bad-message', async () => {
    const access = { ...accessPolicy({ host: '127.0.0.1' }), controlToken: 'control-token-0123456789' };
    run = await testRun({}, { access, gate: GATE, hubLimits: UNLIMITED });
    void run.start();
    const viewer = await client(run.wsUrl);
    expect((await viewer.waitFor('hello')).control).toBe(false);
    const texts = fc.sample(anyMessage.filter(fits), { seed: SEED + 2, numRuns: MESSAGES });
    await sendAll(viewer, texts);
    const errors = viewer.of('error');
    expect(errors).toHaveLength(texts.length);
    errors.forEach((e, i) => expect(e.code).toBe(parseClientMessage(texts[i]!).ok ? 'forbidden' : 'bad-message'));
    expectUntouched(run, [viewer]);
  });

  it('closes connections that send oversized (1009) or non-UTF-8 (1007) text, and serves the rest', async () => {
    run = await testRun({}, { gate: GATE });
    void run.start();
    const watcher = await client(run.wsUrl);
    await watcher.waitFor('hello');
    const oversized = fc.sample(
      fc.tuple(fc.constantFrom(...VALID), fc.integer({ min: 4097, max: 70_000 })).map(([v, n]) => v.slice(0, -1) + `,"pad":"${'x'.repeat(n)}"}`),
      { seed: SEED + 3, numRuns: 10 },
    );
    for (const text of oversized) {
      const c = await client(run.wsUrl);
      c.send(text);
      expect((await c.closed).code).toBe(1009);
    }
    // Lone continuation bytes, truncated sequences, overlong encodings.
    for (const bytes of [[0x80], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0x7b, 0xff, 0x7d]]) {
      const c = await client(run.wsUrl);
      c.socket.send(Buffer.from(bytes), { binary: false });
      expect((await c.closed).code).toBe(1007);
    }
    expectUntouched(run, [watcher]);
    watcher.send({ type: 'resume' });
    await watcher.waitFor('state', (s) => s.status === 'running');
  });

  it('at the default limits, a random flood gets rate-limited replies and a 1008 close, and changes nothing', async () => {
    run = await testRun({}, { gate: GATE });
    void run.start();
    const watcher = await client(run.wsUrl);
    const flooder = await client(run.wsUrl);
    await flooder.waitFor('hello');
    await watcher.waitFor('hello');
    for (const text of fc.sample(malformed, { seed: SEED + 4, numRuns: 2500 })) flooder.send(text);
    expect((await flooder.closed).code).toBe(1008);
    expect(flooder.of('error').some((e) => e.code === 'rate-limited')).toBe(true);
    expectUntouched(run, [watcher, flooder]);
  });
});
