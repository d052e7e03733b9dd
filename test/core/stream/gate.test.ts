import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunGate } from '../../../core/stream/gate.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Drive `wait` for generations 0.. until one stays pending; returns how many passed. */
async function passes(gate: RunGate, signal: AbortSignal, max = 50): Promise<number> {
  let passed = 0;
  for (let g = 0; g < max; g++) {
    let done = false;
    void gate.wait(g, signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    if (!done) return passed;
    passed++;
  }
  return passed;
}

describe('run gate', () => {
  it('lets everything through when running at unlimited speed', async () => {
    const gate = new RunGate({ paused: false, speed: 0 }, () => Date.now());
    expect(await passes(gate, new AbortController().signal, 20)).toBe(20);
  });

  it('holds while paused; step lets exactly n through; resume releases', async () => {
    const gate = new RunGate({ paused: true, speed: 0 }, () => Date.now());
    const signal = new AbortController().signal;
    let done = false;
    const waiting = gate.wait(0, signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(done).toBe(false);
    gate.step(1);
    await waiting;
    expect(done).toBe(true);
    gate.step(3);
    expect(await passes(gate, signal)).toBe(3);
    expect(gate.state().paused).toBe(true);
    gate.resume();
    expect(gate.state().paused).toBe(false);
  });

  it('step while running pauses after the asked generations', async () => {
    const gate = new RunGate({ paused: false, speed: 0 }, () => Date.now());
    gate.step(2);
    expect(await passes(gate, new AbortController().signal)).toBe(2);
  });

  it('spaces generations to the set speed, and a speed change applies at once', async () => {
    const gate = new RunGate({ paused: false, speed: 4 }, () => Date.now());
    const signal = new AbortController().signal;
    const times: number[] = [];
    const t0 = Date.now();
    const loop = (async () => {
      for (let g = 0; g < 5; g++) {
        await gate.wait(g, signal);
        times.push(Date.now() - t0);
      }
    })();
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([0, 250, 500, 750, 1000]);
    await loop;
    gate.setSpeed(0);
    expect(await passes(gate, signal, 10)).toBe(10);
  });

  it('an abort opens the gate at once, even while paused', async () => {
    const gate = new RunGate({ paused: true, speed: 0 }, () => Date.now());
    const controller = new AbortController();
    let done = false;
    const waiting = gate.wait(0, controller.signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(false);
    controller.abort();
    await waiting;
    expect(done).toBe(true);
  });

  it('tells listeners about every change', () => {
    const gate = new RunGate();
    const seen: string[] = [];
    gate.onChange((s) => seen.push(`${s.paused}:${s.speed}`));
    gate.pause();
    gate.setSpeed(3);
    gate.resume();
    expect(seen).toEqual(['true:0', 'true:3', 'false:3']);
  });

  it('stays silent for commands that change nothing (no broadcast on behalf of a client)', () => {
    const gate = new RunGate({ paused: false, speed: 5 });
    const seen: string[] = [];
    gate.onChange((s) => seen.push(`${s.paused}:${s.speed}`));
    gate.resume();
    gate.setSpeed(5);
    expect(seen).toEqual([]);
    gate.pause();
    gate.pause();
    expect(seen).toEqual(['true:5']);
    // A pause while steps are pending cancels them: a change, though the state reads the same.
    gate.step(2);
    gate.pause();
    expect(seen).toEqual(['true:5', 'true:5', 'true:5']);
  });
});
