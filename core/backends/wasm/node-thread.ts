/** The wasm pool's threads in Node: a `worker_threads` worker running worker.js. */
import { Worker } from 'node:worker_threads';
import type { PoolWorker, SpawnThread } from './pool.ts';

export const spawnNodeThread: SpawnThread = (init) => {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
  // A pool left open must not keep the process alive (destroy() is the clean way out).
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const entry: PoolWorker = { ctl: new Int32Array(init.control), exited, terminate: () => void worker.terminate() };
  worker.on('error', (e) => {
    entry.error = e.message;
  });
  return entry;
};
