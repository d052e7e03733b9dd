/**
 * The shared job record of the wasm thread pool (pool.ts), in Int32 words;
 * thread-loop.js, the threads' loop, reads the same layout (its numbers are
 * repeated there, plain JavaScript importing no TypeScript).
 */
export const CONTROL = { counter: 0, done: 1, failed: 3 } as const;
/** First word of the two job records: [base, rows, chunk, fn, scratchBytes, scratchBase, nargs, args...]. */
export const RECORD = 5;
export const MAX_ARGS = 32;
export const JOB_WORDS = RECORD + 2 * (7 + MAX_ARGS);
/** Rows one job may hold: the next row and a chunk must fit the counter's low 16 bits. */
export const MAX_JOB_ROWS = 0x7fff;
