// One thread of the wasm backend's pool (pool.ts has the protocol). Plain
// JavaScript so a worker starts without a TypeScript loader. It instantiates
// the kernel module on the shared memory once, then sleeps on its control
// word until the main thread posts a job, and takes chunks of rows from the
// shared row counter until none are left.
import { workerData } from 'node:worker_threads';

const { module, memory, control, job, names } = workerData;
const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
const jb = new Int32Array(job);
const SEQ = 0;
const DONE = 1;
const FAILED = 2;
const THREAD = 3;

let seen = 0;
for (;;) {
  Atomics.wait(ctl, SEQ, seen);
  const seq = Atomics.load(ctl, SEQ);
  if (seq < 0) break;
  seen = seq;
  try {
    runJob(exports, jb, Atomics.load(ctl, THREAD));
    Atomics.store(ctl, FAILED, 0);
  } catch {
    Atomics.store(ctl, FAILED, 1);
  }
  Atomics.store(ctl, DONE, seq);
  Atomics.notify(ctl, DONE);
}

/** The job layout (pool.ts): [next row, rows, chunk, fn, scratchBytes, scratchBase, nargs, args...]. */
function runJob(exports, jb, thread) {
  const rows = jb[1];
  const chunk = jb[2];
  const fn = exports[names[jb[3]]];
  const scratchBytes = jb[4];
  const args = Array.from(jb.subarray(7, 7 + jb[6]));
  if (scratchBytes > 0) args.push(jb[5] + thread * scratchBytes);
  for (;;) {
    const r0 = Atomics.add(jb, 0, chunk);
    if (r0 >= rows) return;
    fn(r0, Math.min(rows, r0 + chunk), ...args);
  }
}
