/**
 * The wasm backend's threads: workers (Node's `worker_threads`, node-thread.ts,
 * or a page's Web Workers) that live as long as the evaluator, each with its own instance of the kernel module on the one
 * shared memory. A batch is a job: the main thread writes the call into a
 * shared job record, wakes the workers through their control words
 * (Atomics.notify: no messages, no copies) and starts on the rows itself;
 * every thread takes chunks of rows from one atomic counter, and the main
 * thread waits only for rows that a worker has taken, never for a worker to
 * wake: on a loaded machine a sleeping thread can take many milliseconds to
 * be scheduled, and the batch must not wait for it. Rows are independent, so
 * which thread plays a row never changes its outcome.
 *
 * The counter holds the job's number (high 16 bits) and the next row (low 16
 * bits), so a worker that wakes late, after its job is over, fails its claim
 * instead of playing rows of the wrong job. Job records alternate between
 * two slots: job s + 2 reuses s's slot only after every row of s + 1 (and so
 * of s) is done, and a claim that succeeds proves its slot is current.
 */
import type { WasmCall } from '../../domain/wasm-kernel.ts';
import { CONTROL, RECORD, JOB_WORDS, MAX_ARGS, MAX_JOB_ROWS } from './job-layout.ts';

/** A batch not finished in this long means a thread is gone. */
const STALL_MS = 120_000;

/** What a thread is started with (worker.js, or a page's viewer/src/web/wasm-thread.ts). */
export interface ThreadInit {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: SharedArrayBuffer;
  readonly job: SharedArrayBuffer;
  readonly names: readonly string[];
  readonly thread: number;
}

/** A started thread: its control word, and how it ends. */
export interface PoolWorker {
  readonly ctl: Int32Array;
  readonly exited: Promise<void>;
  /** Why the worker died, if it did. */
  error?: string;
  /** Stop it now (after a clean stop failed to end it in time). */
  terminate(): void;
}

/** Starts one thread: Node's worker_threads (node-thread.ts) or a page's Web Worker. */
export type SpawnThread = (init: ThreadInit) => PoolWorker;

export class ThreadPool {
  private readonly workers: PoolWorker[] = [];
  /** [counter, done slot 0, done slot 1, failed slot 0, failed slot 1], then two job records. */
  private readonly job = new Int32Array(new SharedArrayBuffer(4 * JOB_WORDS));
  private readonly names: string[];
  private readonly main: WebAssembly.Exports;
  private seq = 0;

  /** `extra` workers besides the main thread, each started by `spawn`. */
  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory, extra: number, spawn: SpawnThread) {
    this.names = WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name);
    this.main = new WebAssembly.Instance(module, { env: { memory } }).exports;
    for (let i = 0; i < extra; i++) {
      const control = new SharedArrayBuffer(4);
      this.workers.push(spawn({ module, memory, control, job: this.job.buffer as SharedArrayBuffer, names: this.names, thread: i + 1 }));
    }
  }

  /** Threads available: the main thread and the workers. */
  get size(): number {
    return 1 + this.workers.length;
  }

  /** Play rows 0..rows-1 of `call` on up to `threads` threads (the main one included); scratch for thread i at scratchBase + i * call.scratchBytes. */
  run(call: WasmCall, rows: number, threads: number, scratchBase: number): void {
    if (call.args.length > MAX_ARGS) throw new Error(`${call.fn}: more than ${MAX_ARGS} arguments`);
    const fnIndex = this.names.indexOf(call.fn);
    if (fnIndex < 0) throw new Error(`the wasm module exports no function ${call.fn}`);
    const peers = this.workers.slice(0, Math.max(0, Math.min(threads, this.size) - 1));
    for (let base = 0; base < rows; base += MAX_JOB_ROWS) {
      this.job1(call, fnIndex, base, Math.min(MAX_JOB_ROWS, rows - base), peers, scratchBase);
    }
  }

  private job1(call: WasmCall, fnIndex: number, base: number, rows: number, peers: PoolWorker[], scratchBase: number): void {
    const jb = this.job;
    this.seq = (this.seq % 0xfffe) + 1;
    const s = this.seq;
    const slot = s & 1;
    // Chunks small enough to balance uneven rows, big enough that the counter is not contended.
    const chunk = peers.length ? Math.max(1, Math.ceil(rows / (8 * (peers.length + 1)))) : rows;
    const rec = RECORD + slot * (7 + MAX_ARGS);
    jb.set([base, rows, chunk, fnIndex, call.scratchBytes, scratchBase, call.args.length], rec);
    jb.set(call.args.map((a) => a | 0), rec + 7);
    Atomics.store(jb, CONTROL.done + slot, 0);
    Atomics.store(jb, CONTROL.failed + slot, 0);
    Atomics.store(jb, CONTROL.counter, s << 16); // publishes the job
    for (const h of peers) {
      Atomics.store(h.ctl, 0, s);
      Atomics.notify(h.ctl, 0);
    }
    let failure: unknown;
    const fn = this.main[call.fn] as (...args: number[]) => void;
    const tail = call.scratchBytes > 0 ? [...call.args, scratchBase] : [...call.args];
    for (;;) {
      const v = Atomics.load(jb, CONTROL.counter);
      const r0 = v & 0xffff;
      if (r0 >= rows) break;
      if (Atomics.compareExchange(jb, CONTROL.counter, v, v + chunk) !== v) continue;
      const r1 = Math.min(rows, r0 + chunk);
      try {
        if (failure === undefined) fn(base + r0, base + r1, ...tail);
      } catch (e) {
        failure = e;
      }
      Atomics.add(jb, CONTROL.done + slot, r1 - r0);
    }
    // Only rows a worker has claimed are waited for; a worker still asleep finds the job over.
    const started = Date.now();
    for (;;) {
      const done = Atomics.load(jb, CONTROL.done + slot);
      if (done >= rows) break;
      const dead = peers.find((h) => h.error);
      if (dead) throw new Error(`a wasm worker died: ${dead.error}`);
      if (Date.now() - started > STALL_MS) throw new Error(`a wasm batch did not finish in ${STALL_MS / 1000} s`);
      Atomics.wait(jb, CONTROL.done + slot, done, 50);
    }
    if (failure !== undefined) throw failure;
    if (Atomics.load(jb, CONTROL.failed + slot)) throw new Error(`${call.fn} failed on a worker thread`);
  }

  /** Stop the workers and wait until they have exited (a run must not hang on exit). */
  async destroy(): Promise<void> {
    for (const h of this.workers) {
      Atomics.store(h.ctl, 0, -1);
      Atomics.notify(h.ctl, 0);
    }
    await Promise.all(
      this.workers.map(async (h) => {
        const timer = setTimeout(() => h.terminate(), 2000);
        await h.exited;
        clearTimeout(timer);
      }),
    );
    this.workers.length = 0;
  }
}
