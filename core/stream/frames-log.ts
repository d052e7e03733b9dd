/**
 * frames.jsonl: what a replay needs beyond metrics.jsonl. One line per kept
 * generation, {"generation": g, "detail": {...}}, with the interaction matrix
 * downsampled to FRAME_MATRIX_SIDE a side, the CIAO row, the probe and the
 * champions in the domain's human format.
 *
 * Bounded: every generation below 1,000 is kept, then every 10th up to
 * 10,000, every 100th up to 100,000, and so on (plus the run's last), so a
 * file holds at most ~1,000 frames per decade of generations (~2-5 KB each:
 * ~1 MB for a 300-generation run, ~15 MB for 10^5 generations).
 *
 * It is a viewer's convenience, not part of the record: metrics.jsonl stays
 * the deterministic log, and this file may be deleted without harm. On resume
 * the frames at or after the checkpoint are dropped, like the other logs.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainInstance } from '../domain/domain.ts';
import { writeFileAtomic } from '../run/files.ts';
import { guardSync } from '../run/fs-errors.ts';
import type { CoevolutionState } from '../engine/state.ts';
import type { GenerationReport } from '../engine/step.ts';
import type { RunRecords } from '../measures/records.ts';
import { detailOf } from './frame.ts';
import { DetailSchema, type Detail } from './protocol.ts';

export const FRAMES_FILE = 'frames.jsonl';
export const FRAME_MATRIX_SIDE = 32;

export function framesPath(dir: string): string {
  return join(dir, FRAMES_FILE);
}

/** Is generation g's frame kept? Every one below 1,000, then 1,000 per decade. */
export function keepsFrame(g: number): boolean {
  if (g < 1000) return true;
  const stride = 10 ** (Math.floor(Math.log10(g)) - 2);
  return g % stride === 0;
}

export interface Frame {
  readonly generation: number;
  readonly detail: Detail;
}

/** Parse frames.jsonl text: complete, valid lines only (a torn or foreign line is skipped). */
export function parseFrames(text: string): Frame[] {
  const out: Frame[] = [];
  const lines = text.split('\n');
  lines.pop(); // the text after the last newline is incomplete (or empty)
  for (const line of lines) {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue;
    }
    const r = raw as { generation?: unknown; detail?: unknown } | null;
    if (!r || typeof r.generation !== 'number' || !Number.isInteger(r.generation)) continue;
    const detail = DetailSchema.safeParse(r.detail);
    if (detail.success) out.push({ generation: r.generation, detail: detail.data });
  }
  return out;
}

export interface FramesLog {
  append(report: GenerationReport, state: CoevolutionState, records?: RunRecords): void;
  close(): void;
}

/**
 * Open the frames log of a run directory for a session starting at
 * generation `from` (0 for a new run); frames of generations >= from, left
 * by an interrupted session, are dropped first.
 */
export async function openFramesLog(dir: string, domain: DomainInstance, from: number, last: number): Promise<FramesLog> {
  const path = framesPath(dir);
  if (existsSync(path)) {
    const kept = parseFrames(readFileSync(path, 'utf8')).filter((f) => f.generation < from);
    await writeFileAtomic(path, kept.map((f) => `${JSON.stringify(f)}\n`).join(''));
  }
  const fd = guardSync('open', path, () => openSync(path, 'a'));
  let open = true;
  return {
    append(report, state, records) {
      const g = report.generation;
      if (!open || (!keepsFrame(g) && g !== last)) return;
      const frame: Frame = { generation: g, detail: detailOf(domain, report, state, FRAME_MATRIX_SIDE, records) };
      guardSync('append to', path, () => writeSync(fd, `${JSON.stringify(frame)}\n`));
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
