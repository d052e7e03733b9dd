import { afterEach, describe, expect, it } from 'vitest';
import { client, testRun, type TestRun } from './helpers.ts';

let run: TestRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

describe('run notices', () => {
  it('a backend failover reaches every viewer as a warning', async () => {
    run = await testRun({ generations: '40' }, { gate: { paused: true, speed: 0 } });
    void run.start();
    const a = await client(run.wsUrl);
    const b = await client(run.wsUrl);
    await Promise.all([a.waitFor('hello'), b.waitFor('hello')]);
    run.live.hooks.onNotice!({ kind: 'backend-fallback', generation: 12, message: 'backend webasm failed at generation 12; continuing on cpu' });
    for (const c of [a, b]) {
      const n = await c.waitFor('notice');
      expect(n.level).toBe('warning');
      expect(n.message).toContain('continuing on cpu');
      c.close();
    }
  });
});
