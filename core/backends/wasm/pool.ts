/**
 * The wasm backend's threads: `worker_threads` workers that live as long as
 * the evaluator, each with its own instance of the kernel module on the one
 * shared memory. A batch is a job: the main thread writes the call into a
 * shared job record, wakes the workers through their control words
 * (Atomics.notify: no messages, no copies), takes chunks of rows itself from
 * the same atomic row counter, then waits for each worker to finish. Rows
 * are independent, so which thread plays a row never changes its outcome.
 */
import { Worker } from 'node:worker_threads';
import type { WasmCall } from '../../domain/wasm-kernel.ts';

const SEQ = 0;
const DONE = 1;
const FAILED = 2;
const THREAD = 3;
const MAX_ARGS = 32;
/** A worker that has not finished a job in this long is taken to be dead. */
const STALL_MS = 120_000;

interface PoolWorker {
  readonly worker: Worker;
  readonly ctl: Int32Array;
  readonly exited: Promise<void>;
  /** Why the worker died, if it did (it then never finishes a job). */
  error?: string;
}

export class ThreadPool {
  private readonly workers: PoolWorker[] = [];
  private readonly job = new Int32Array(new SharedArrayBuffer(4 * (7 + MAX_ARGS)));
  private readonly names: string[];
  private readonly main: WebAssembly.Exports;
  private seq = 0;

  /** `extra` workers besides the main thread. */
  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory, extra: number) {
    this.names = WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name);
    this.main = new WebAssembly.Instance(module, { env: { memory } }).exports;
    for (let i = 0; i < extra; i++) {
      const control = new SharedArrayBuffer(16);
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { module, memory, control, job: this.job.buffer, names: this.names },
      });
      // A pool left open must not keep the process alive (destroy() is the clean way out).
      worker.unref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const entry: PoolWorker = { worker, ctl: new Int32Array(control), exited };
      worker.on('error', (e) => {
        entry.error = e.message;
      });
      this.workers.push(entry);
    }
  }

  /** Threads available: the main thread and the workers. */
  get size(): number {
    return 1 + this.workers.length;
  }

  /** Play rows 0..rows-1 of `call` on `threads` threads (the main one included); scratch for thread i at scratchBase + i * call.scratchBytes. */
  run(call: WasmCall, rows: number, threads: number, scratchBase: number): void {
    if (call.args.length > MAX_ARGS) throw new Error(`${call.fn}: more than ${MAX_ARGS} arguments`);
    const fnIndex = this.names.indexOf(call.fn);
    if (fnIndex < 0) throw new Error(`the wasm module exports no function ${call.fn}`);
    const helpers = this.workers.slice(0, Math.max(0, Math.min(threads, this.size) - 1));
    // Chunks of rows small enough to balance uneven rows, big enough that the counter is not contended.
    const chunk = Math.max(1, Math.ceil(rows / (8 * (helpers.length + 1))));
    const jb = this.job;
    jb.set([0, rows, chunk, fnIndex, call.scratchBytes, scratchBase, call.args.length]);
    jb.set(call.args.map((a) => a | 0), 7);
    const seq = ++this.seq;
    helpers.forEach((h, i) => {
      Atomics.store(h.ctl, THREAD, i + 1);
      Atomics.store(h.ctl, SEQ, seq);
      Atomics.notify(h.ctl, SEQ);
    });
    let failure: unknown;
    try {
      const fn = this.main[call.fn] as (...args: number[]) => void;
      const args = [...call.args];
      if (call.scratchBytes > 0) args.push(scratchBase);
      for (;;) {
        const r0 = Atomics.add(jb, 0, chunk);
        if (r0 >= rows) break;
        fn(r0, Math.min(rows, r0 + chunk), ...args);
      }
    } catch (e) {
      failure = e;
      Atomics.store(jb, 0, rows); // the others stop at their next chunk
    }
    // Wait for every helper even after a failure: they write into memory the next batch reuses.
    for (const h of helpers) {
      const started = Date.now();
      for (;;) {
        const done = Atomics.load(h.ctl, DONE);
        if (done === seq) break;
        if (h.error) throw new Error(`a wasm worker died: ${h.error}`);
        Atomics.wait(h.ctl, DONE, done, 200);
        if (Date.now() - started > STALL_MS) throw new Error(`a wasm worker did not finish a batch in ${STALL_MS / 1000} s`);
      }
      if (Atomics.load(h.ctl, FAILED)) failure ??= new Error(`${call.fn} failed on a worker thread`);
    }
    if (failure) throw failure;
  }

  /** Stop the workers and wait until they have exited (a run must not hang on exit). */
  async destroy(): Promise<void> {
    for (const h of this.workers) {
      Atomics.store(h.ctl, SEQ, -1);
      Atomics.notify(h.ctl, SEQ);
    }
    await Promise.all(
      this.workers.map(async (h) => {
        const timer = setTimeout(() => void h.worker.terminate(), 2000);
        await h.exited;
        clearTimeout(timer);
      }),
    );
    this.workers.length = 0;
  }
}
