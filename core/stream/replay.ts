/**
 * `redqueen serve DIR`: stream a run from its files. Viewers get the whole
 * history at once; if the run is still going (in another process) its new
 * generations are followed by polling the logs, which only ever grow by whole
 * lines. When a `resume` cuts the logs back, the replay starts over.
 */
import { open, stat } from 'node:fs/promises';
import { runPaths } from '../run/run-dir.ts';
import { framesPath, keepsFrame, parseFrames } from './frames-log.ts';
import type { StreamHub } from './hub.ts';
import type { Detail, Point } from './protocol.ts';
import { pointsOf, readRunConfig, readRunInfo } from './run-files.ts';
import { checkRunFiles, disagreement } from '../run/consistency.ts';
import { UserError } from '../basics/errors.ts';
import { SeekIndex } from './seek-index.ts';

/** A point whose frame should exist waits this many polls for it before going out without. */
const FRAME_WAIT_POLLS = 3;

export interface Replay {
  stop(): void;
  /** Read the files once now (tests call this instead of waiting for the timer). */
  poll(): Promise<void>;
}

/** Bytes appended to `path` since `offset`, cut at the last newline. */
async function readNew(path: string, offset: number): Promise<{ text: string; size: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return { text: '', size: 0 };
  }
  try {
    const { size } = await handle.stat();
    if (size <= offset) return { text: '', size };
    const buf = Buffer.alloc(size - offset);
    await handle.read(buf, 0, buf.length, offset);
    const end = buf.lastIndexOf(0x0a);
    return { text: end < 0 ? '' : buf.subarray(0, end + 1).toString('utf8'), size };
  } finally {
    await handle.close();
  }
}

export async function startReplay(dir: string, hub: StreamHub, pollMs = 500): Promise<Replay> {
  const paths = runPaths(dir);
  let metricsOffset = 0;
  let framesOffset = 0;
  let runJsonTime = 0;
  let next = 0;
  let pending: Point[] = [];
  let waited = 0;
  const frames = new Map<number, Detail>();
  // serve reads without the writer's lock: refuse files no single writer leaves.
  const { instance } = await readRunConfig(dir);
  let index = new SeekIndex(dir, instance);

  const load = async (): Promise<void> => {
    const info = await readRunInfo(dir);
    runJsonTime = (await stat(paths.runJson)).mtimeMs;
    // Read each log once, up to its last whole line; reading resumes there.
    const m = await readNew(paths.metrics, 0);
    const f = await readNew(framesPath(dir), 0);
    metricsOffset = Buffer.byteLength(m.text);
    framesOffset = Buffer.byteLength(f.text);
    const points = pointsOf(m.text);
    const details = new Map(parseFrames(f.text).map((x) => [x.generation, x.detail]));
    index = new SeekIndex(dir, instance);
    index.addMetrics(m.text, 0, points.length);
    index.addFrames(f.text, 0);
    hub.setSeeker(index.seek);
    hub.reset(
      info,
      points.map((point) => ({ point, detail: details.get(point.generation) ?? null })),
    );
    frames.clear();
    next = points.length;
    pending = [];
  };

  const poll = async (): Promise<void> => {
    const s = await stat(paths.runJson).catch(() => null);
    const m = await stat(paths.metrics).catch(() => null);
    // A new session (resume) rewrites run.json and may cut the logs back: start over.
    if (!s || s.mtimeMs !== runJsonTime || (m?.size ?? 0) < metricsOffset) {
      await load();
      return;
    }
    const f = await readNew(framesPath(dir), framesOffset);
    index.addFrames(f.text, framesOffset);
    framesOffset += Buffer.byteLength(f.text);
    for (const frame of parseFrames(f.text)) frames.set(frame.generation, frame.detail);
    const mt = await readNew(paths.metrics, metricsOffset);
    const fresh = pointsOf(mt.text, next + pending.length);
    index.addMetrics(mt.text, metricsOffset, fresh.length);
    metricsOffset += Buffer.byteLength(mt.text);
    for (const p of fresh) pending.push(p);
    while (pending.length > 0) {
      const p = pending[0]!;
      const detail = frames.get(p.generation) ?? null;
      if (!detail && keepsFrame(p.generation) && waited < FRAME_WAIT_POLLS) {
        waited++;
        break;
      }
      waited = 0;
      pending.shift();
      frames.delete(p.generation);
      hub.publish(p, detail);
      next = p.generation + 1;
    }
  };

  const problem = await checkRunFiles(dir, instance.solver.length, instance.challenger.length);
  if (problem) throw new UserError(disagreement(dir, problem));
  await load();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    poll()
      .catch(() => {
        // The files are mid-rewrite (a resume); the next poll reloads them.
      })
      .finally(() => {
        busy = false;
      });
  }, pollMs);
  timer.unref();
  return { stop: () => clearInterval(timer), poll };
}
