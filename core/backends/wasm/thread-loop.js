// One thread of the wasm backend's pool, wherever it runs: a Node worker
// (worker.js) or a page's Web Worker (viewer/src/web/wasm-thread.ts). pool.ts
// has the protocol and job-layout.ts the record's layout, whose numbers are
// repeated here: plain JavaScript, so a Node worker starts without a
// TypeScript loader (test/core/backends/wasm-thread-loop.test.ts holds them
// equal). It instantiates the kernel module on the shared memory once, then
// sleeps on its control word until the main thread posts a job, and claims
// chunks of rows from the job's counter until none are left (or the job is
// over). It returns when the main thread posts a negative control word.
const COUNTER = 0;
const DONE = 1;
const FAILED = 3;
const RECORD = 5;
const MAX_ARGS = 32;

export const LAYOUT = { COUNTER, DONE, FAILED, RECORD, MAX_ARGS };

export function serveJobs({ module, memory, control, job, names, thread }) {
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const ctl = new Int32Array(control);
  const jb = new Int32Array(job);

  const play = (s) => {
    const slot = s & 1;
    const rec = RECORD + slot * (7 + MAX_ARGS);
    for (;;) {
      const v = Atomics.load(jb, COUNTER);
      if (v >>> 16 !== s) return; // the job is over (a newer one may have started)
      const r0 = v & 0xffff;
      const rows = jb[rec + 1];
      if (r0 >= rows) return;
      const chunk = jb[rec + 2];
      if (Atomics.compareExchange(jb, COUNTER, v, v + chunk) !== v) continue;
      // The claim succeeded, so this slot's record is the job's until its rows are done.
      const base = jb[rec];
      const r1 = Math.min(rows, r0 + chunk);
      const args = Array.from(jb.subarray(rec + 7, rec + 7 + jb[rec + 6]));
      if (jb[rec + 4] > 0) args.push(jb[rec + 5] + thread * jb[rec + 4]);
      try {
        exports[names[jb[rec + 3]]](base + r0, base + r1, ...args);
      } catch {
        Atomics.store(jb, FAILED + slot, 1);
      }
      Atomics.add(jb, DONE + slot, r1 - r0);
      Atomics.notify(jb, DONE + slot);
    }
  };

  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, 0, seen);
    const s = Atomics.load(ctl, 0);
    if (s < 0) return;
    seen = s;
    play(s);
  }
}
