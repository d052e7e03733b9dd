/**
 * One thread of the page's wasm pool (core/backends/wasm/pool.ts has the
 * protocol): the Web Worker twin of core/backends/wasm/worker.js, started
 * with its ThreadInit by message instead of workerData. It instantiates the
 * kernel on the shared memory, then sleeps on its control word and claims
 * chunks of rows from the job's counter, exactly as the Node thread does.
 */
import type { ThreadInit } from '../../../core/backends/wasm/pool.ts';
import { CONTROL, MAX_ARGS, RECORD } from '../../../core/backends/wasm/job-layout.ts';

self.onmessage = (e: MessageEvent<ThreadInit>) => {
  const { module, memory, control, job, names, thread } = e.data;
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const ctl = new Int32Array(control);
  const jb = new Int32Array(job);
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, 0, seen);
    const s = Atomics.load(ctl, 0);
    if (s < 0) break;
    seen = s;
    play(s);
  }
  (self as unknown as Worker).postMessage('bye');
  self.close();

  function play(s: number): void {
    const slot = s & 1;
    const rec = RECORD + slot * (7 + MAX_ARGS);
    for (;;) {
      const v = Atomics.load(jb, CONTROL.counter);
      if (v >>> 16 !== s) return; // the job is over (a newer one may have started)
      const r0 = v & 0xffff;
      const rows = jb[rec + 1]!;
      if (r0 >= rows) return;
      const chunk = jb[rec + 2]!;
      if (Atomics.compareExchange(jb, CONTROL.counter, v, v + chunk) !== v) continue;
      // The claim succeeded, so this slot's record is the job's until its rows are done.
      const base = jb[rec]!;
      const r1 = Math.min(rows, r0 + chunk);
      const args = Array.from(jb.subarray(rec + 7, rec + 7 + jb[rec + 6]!));
      if (jb[rec + 4]! > 0) args.push(jb[rec + 5]! + thread * jb[rec + 4]!);
      try {
        (exports[names[jb[rec + 3]!]!] as (...a: number[]) => void)(base + r0, base + r1, ...args);
      } catch {
        Atomics.store(jb, CONTROL.failed + slot, 1);
      }
      Atomics.add(jb, CONTROL.done + slot, r1 - r0);
      Atomics.notify(jb, CONTROL.done + slot);
    }
  }
};
