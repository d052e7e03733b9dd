import { describe, expect, it } from 'vitest';
import { ClientQueue } from '../../../core/stream/client-queue.ts';
import type { Point } from '../../../core/stream/protocol.ts';
import { point } from './helpers.ts';

const gen = (g: number, size = 100) => ({ text: `{"g":${g}}`.padEnd(size, ' '), kind: 'generation' as const, points: [point(g)] });

function drain(q: ClientQueue): Array<{ text: string; resync: boolean }> {
  const out = [];
  for (let t = q.take(); t; t = q.take()) out.push(t);
  return out;
}

describe('client queue', () => {
  it('stays within its message and byte bounds, dropping the oldest generations', () => {
    const q = new ClientQueue({ maxMessages: 5, maxBytes: 350, maxMissedPoints: 100 });
    q.push({ text: 'hello', kind: 'essential' });
    for (let g = 0; g < 40; g++) {
      q.push(gen(g));
      expect(q.length).toBeLessThanOrEqual(5);
      expect(q.size).toBeLessThanOrEqual(350);
    }
    const out = drain(q);
    expect(out[0]!.text).toMatch(/"type":"lagged"/);
    const lagged = JSON.parse(out[0]!.text);
    // hello survives; the newest generations are kept, and the dropped ones are listed in order.
    expect(out.map((o) => o.text)).toContain('hello');
    const kept = out.slice(1).filter((o) => o.text.startsWith('{"g"')).map((o) => JSON.parse(o.text).g as number);
    expect(kept).toEqual([37, 38, 39]);
    expect(lagged.dropped).toBe(37);
    expect(lagged.points.map((p: Point) => p.generation)).toEqual(Array.from({ length: 37 }, (_, i) => i));
    expect(lagged.resync).toBe(false);
    expect(q.totalDropped).toBe(37);
  });

  it('asks for a resync once too many points were missed', () => {
    const q = new ClientQueue({ maxMessages: 2, maxBytes: 1e6, maxMissedPoints: 10 });
    for (let g = 0; g < 30; g++) q.push(gen(g));
    const first = q.take()!;
    expect(first.resync).toBe(true);
    const lagged = JSON.parse(first.text);
    expect(lagged).toMatchObject({ type: 'lagged', dropped: 28, points: [], resync: true });
  });

  it('coalesces state messages and sends nothing extra when nothing was dropped', () => {
    const q = new ClientQueue({ maxMessages: 10, maxBytes: 1e6, maxMissedPoints: 10 });
    q.push({ text: 's1', kind: 'state' });
    q.push(gen(1));
    q.push({ text: 's2', kind: 'state' });
    expect(drain(q).map((o) => o.text.trim())).toEqual(['{"g":1}', 's2']);
    expect(q.take()).toBeNull();
  });

  it('clearGenerations forgets queued and missed generations', () => {
    const q = new ClientQueue({ maxMessages: 2, maxBytes: 1e6, maxMissedPoints: 10 });
    for (let g = 0; g < 5; g++) q.push(gen(g));
    q.push({ text: 'note', kind: 'note' });
    q.clearGenerations();
    expect(drain(q).map((o) => o.text)).toEqual(['note']);
  });
});
