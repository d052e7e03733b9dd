/** Types of thread-loop.js (plain JavaScript; see there). */
import type { ThreadInit } from './pool.ts';

/** job-layout.ts's numbers as thread-loop.js repeats them. */
export declare const LAYOUT: { readonly COUNTER: number; readonly DONE: number; readonly FAILED: number; readonly RECORD: number; readonly MAX_ARGS: number };

/** Serve the pool's jobs on this thread until the control word goes negative. */
export declare function serveJobs(init: ThreadInit): void;
