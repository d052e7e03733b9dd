/**
 * One thread of the page's wasm pool: the Web Worker twin of
 * core/backends/wasm/worker.js, started with its ThreadInit by message
 * instead of workerData, running the same loop (thread-loop.js).
 */
import type { ThreadInit } from '../../../core/backends/wasm/pool.ts';
import { serveJobs } from '../../../core/backends/wasm/thread-loop.js';

self.onmessage = (e: MessageEvent<ThreadInit>) => {
  serveJobs(e.data);
  (self as unknown as Worker).postMessage('bye');
  self.close();
};
