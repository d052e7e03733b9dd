/**
 * Where each generation lies in a run's logs, so a replay can answer `seek`
 * by reading two lines instead of holding every frame in memory: the byte
 * offset of each metrics.jsonl line (one per generation, in order) and of each
 * frames.jsonl line (the kept generations only; see frames-log.ts). The logs
 * only grow by whole lines, so the index grows as the replay reads them; a
 * `resume` that cuts them back makes the replay start a fresh index.
 * champions.bin has a fixed-size record per generation: no index needed.
 */
import { open } from 'node:fs/promises';
import type { DomainInstance } from '../domain/domain.ts';
import { readChampionRecord } from '../run/champions-log.ts';
import { runPaths } from '../run/run-dir.ts';
import { framesPath, parseFrames } from './frames-log.ts';
import type { Seeker } from './hub.ts';
import { pointsOf } from './run-files.ts';

interface Span {
  readonly offset: number;
  readonly length: number;
}

/** Frames are written as {"generation":g,...}: read g without parsing the picture. */
const FRAME_HEAD = /^\{"generation":(\d+),/;

function frameGeneration(line: string): number | null {
  const head = FRAME_HEAD.exec(line);
  if (head) return Number(head[1]);
  try {
    const g = (JSON.parse(line) as { generation?: unknown } | null)?.generation;
    return typeof g === 'number' && Number.isInteger(g) && g >= 0 ? g : null;
  } catch {
    return null;
  }
}

async function readSpan(path: string, span: Span): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(span.length);
    const { bytesRead } = await handle.read(buf, 0, span.length, span.offset);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export class SeekIndex {
  /** metrics.jsonl: line g starts at points[g]. */
  private readonly points: Span[] = [];
  /** frames.jsonl: kept generations in increasing order. */
  private readonly frames: Array<Span & { readonly generation: number }> = [];

  constructor(
    private readonly dir: string,
    /** Turns champions.bin's genomes into the domain's human format. */
    private readonly domain: DomainInstance,
  ) {}

  /** Generations indexed (the number of metrics lines). */
  get generations(): number {
    return this.points.length;
  }

  /**
   * Index `count` more metrics lines from `text` (whole lines, read from byte
   * `offset` of the file); only lines the replay accepted as points are passed.
   */
  addMetrics(text: string, offset: number, count: number): void {
    let at = offset;
    const lines = text.split('\n');
    for (let i = 0; i < count && i < lines.length; i++) {
      const length = Buffer.byteLength(lines[i]!);
      this.points.push({ offset: at, length });
      at += length + 1;
    }
  }

  /** Index the frames in `text` (whole lines, read from byte `offset` of frames.jsonl). */
  addFrames(text: string, offset: number): void {
    let at = offset;
    const lines = text.split('\n');
    lines.pop();
    for (const line of lines) {
      const length = Buffer.byteLength(line);
      const generation = frameGeneration(line);
      const last = this.frames[this.frames.length - 1];
      // Keep the order strict: a foreign or repeated line is not a frame to seek to.
      if (generation !== null && (!last || generation > last.generation)) this.frames.push({ generation, offset: at, length });
      at += length + 1;
    }
  }

  /** The nearest kept frame at or before g (binary search), or null. */
  frameAtOrBefore(g: number): (Span & { readonly generation: number }) | null {
    let lo = 0;
    let hi = this.frames.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.frames[mid]!.generation <= g) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? null : this.frames[found]!;
  }

  /** Answer a seek from the files. */
  readonly seek: Seeker = async (generation) => {
    const span = this.points[generation];
    if (!span) {
      const n = this.points.length;
      return { missing: `generation ${generation} is not in this run's files: it has ${n === 0 ? 'none yet' : `generations 0 to ${n - 1}`}` };
    }
    const point = pointsOf(`${await readSpan(runPaths(this.dir).metrics, span)}\n`, generation)[0];
    if (!point) return { missing: `generation ${generation}: its metrics.jsonl line no longer reads as that generation (the run was resumed?); reload the page` };
    const frame = this.frameAtOrBefore(generation);
    const detail = frame ? (parseFrames(`${await readSpan(framesPath(this.dir), frame)}\n`)[0] ?? null) : null;
    const kept = detail && frame && detail.generation === frame.generation ? detail : null;
    const d = this.domain;
    const record = await readChampionRecord(runPaths(this.dir).champions, generation, d.solver.length, d.challenger.length);
    const champions = record
      ? { solver: d.solver.encode(record.solver), challenger: d.challenger.encode(record.challenger), summary: d.summarize ? d.summarize(record.solver) : null }
      : null;
    return { generation, point, detail: kept?.detail ?? null, detailGeneration: kept?.generation ?? null, champions };
  };
}
