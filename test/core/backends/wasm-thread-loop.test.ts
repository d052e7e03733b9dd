/** The pool threads' loop is plain JavaScript with the job layout's numbers repeated: they must stay equal. */
import { describe, expect, it } from 'vitest';
import { CONTROL, MAX_ARGS, RECORD } from '../../../core/backends/wasm/job-layout.ts';
import { LAYOUT } from '../../../core/backends/wasm/thread-loop.js';

describe('wasm thread loop', () => {
  it('reads the job record at the offsets job-layout.ts defines', () => {
    expect(LAYOUT).toEqual({ COUNTER: CONTROL.counter, DONE: CONTROL.done, FAILED: CONTROL.failed, RECORD, MAX_ARGS });
  });
});
