/**
 * The stream under load, bounded to a few seconds: 200 viewers and 10
 * flooding clients (in a child process) against a run streaming at full
 * speed. Speed is measured by `npm run bench:load`; here the ratio only has
 * to clear a generous bar, so that a server that stalls the run under load
 * fails while a busy test machine does not.
 */
import { describe, expect, it } from 'vitest';
import { measureLoad } from '../../../benchmarks/load/measure.ts';

describe('stream under load', () => {
  it('keeps the run going and every viewer fed while 200 viewers watch and clients flood it', async () => {
    const r = await measureLoad({
      // Checkpoints every 20 generations: every generation's fsync would add the disk's noise to the rates.
      run: { inputs: '12', solvers: '128', challengers: '32', seed: 'load-test', checkpointEvery: '20' },
      backend: 'webasm',
      viewers: 200,
      flooders: 10,
      windowSeconds: 1.5,
      cycles: 2,
    });
    expect(r.ratio, `gen/s unloaded ${r.unloaded.join(', ')}, loaded ${r.loaded.join(', ')}`).toBeGreaterThan(0.25);
    for (const w of r.windows) {
      expect(w.viewers.viewers).toBe(200);
      // Every well-behaved viewer saw every generation of the loaded window (streamed, or as a lagged point)...
      expect(w.viewers.complete).toBe(200);
      // ...and was streamed some in full; none was cut off, none got a malformed message.
      expect(w.viewers.minGenerationMessages).toBeGreaterThan(0);
      expect(w.viewers.dropped).toBe(0);
      expect(w.viewers.invalid).toBe(0);
      // The flood was answered with errors.
      expect(w.flood.sent).toBeGreaterThan(1000);
      expect(w.flood.errorReplies).toBeGreaterThan(0);
    }
    // ...and changed nothing.
    expect(r.gateAfter).toEqual(r.gateBefore);
  });
});
