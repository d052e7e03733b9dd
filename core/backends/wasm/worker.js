// One thread of the wasm backend's pool in Node (node-thread.ts starts it):
// the loop itself is thread-loop.js, shared with the page's Web Worker.
import { workerData } from 'node:worker_threads';
import { serveJobs } from './thread-loop.js';

serveJobs(workerData);
