/**
 * Generation batching (hub.ts): a fast run sends fewer messages than it plays
 * generations, yet every generation reaches the viewer once, in order, with
 * its CIAO row, and the newest of each message with its picture; a slow run
 * sends each generation the moment it is played.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { client, testRun, type TestRun } from './helpers.ts';

let run: TestRun | null = null;
afterEach(async () => {
  await run?.cleanup();
  run = null;
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A viewer that watches a whole run of `generations` at `speed` (0: full speed) to its end. */
async function watchRun(generations: number, speed: number, batchMs: number) {
  run = await testRun({ generations: String(generations) }, { gate: { paused: true, speed }, hubLimits: { batchMs } });
  const done = run.start();
  const c = await client(run.wsUrl);
  await c.waitFor('hello');
  c.send({ type: 'resume' });
  expect(await done).toBe(0);
  await c.waitFor('state', (s) => s.status === 'finished');
  return c;
}

describe('generation batching', () => {
  it('batches a fast run: every generation once, in order, with its CIAO row; pictures for the newest', async () => {
    const c = await watchRun(60, 0, 200);
    const messages = c.of('generation');
    expect(messages.length).toBeLessThan(60);
    expect(messages.some((m) => m.earlier.length > 0)).toBe(true);
    expect(c.generations().map((g) => g.point.generation)).toEqual(range(60));
    for (const g of c.generations().slice(1)) expect(g.ciao?.generation).toBe(g.point.generation);
    for (const m of messages) expect(m.detail?.ciao?.generation ?? 0).toBe(m.point.generation);
    // The run's end flushed the last batch: the last picture is the last generation's.
    expect(messages.at(-1)!.point.generation).toBe(59);
    expect(c.invalid).toEqual([]);
  });

  it('sends each generation of a slow run at once, on its own', async () => {
    // Five generations a second, 200 ms apart: longer than the batch interval.
    const c = await watchRun(6, 5, 100);
    const messages = c.of('generation');
    expect(messages.map((m) => m.point.generation)).toEqual(range(6));
    for (const m of messages) {
      expect(m.earlier).toEqual([]);
      expect(m.detail).not.toBeNull();
    }
  });
});
