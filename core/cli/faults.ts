/**
 * A file-system fault during `run` or `resume`, said whole: what failed and
 * where (FileFault), then whether and how the run goes on. The checkpoint on
 * disk is the truth (writes are atomic, so a failed one left the previous in
 * place), so it is read back rather than assumed.
 */
import type { JsonObject } from '../basics/json.ts';
import { readCheckpoint } from '../run/checkpoint.ts';
import { FileFault } from '../run/fs-errors.ts';
import { runPaths } from '../run/run-dir.ts';
import { resumeLine } from './stream-record.ts';

async function checkpointedGeneration(dir: string): Promise<number | null> {
  try {
    return (await readCheckpoint(runPaths(dir).checkpoint)).state.generation;
  } catch {
    return null;
  }
}

/** Run `fn`; a FileFault it throws comes out with the way to resume added (or that nothing was kept). */
export async function withFaultAdvice<T>(dir: string, stream: JsonObject | null, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof FileFault)) throw e;
    const g = await checkpointedGeneration(dir);
    throw e.withAdvice(
      g === null
        ? 'the run did not start, nothing to resume: fix that and run again'
        : `the run can be resumed from generation ${g} once that is fixed: ${resumeLine(dir, stream)}`,
    );
  }
}
