/**
 * Reading a run directory back for viewers: run.json says what ran,
 * metrics.jsonl gives every generation's point, frames.jsonl the pictures of
 * the kept generations. Used by `redqueen serve DIR` and by a resumed run
 * that streams, so its viewers see the generations before the resume too.
 */
import { readFile } from 'node:fs/promises';
import type { RunConfig } from '../run/config.ts';
import { parseConfigFile, resolveConfig } from '../run/config.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { UserError } from '../basics/errors.ts';
import type { GenerationMetrics } from '../engine/metrics.ts';
import { runPaths } from '../run/run-dir.ts';
import { findDomain } from '../../populations/index.ts';
import { pointFromMetrics } from './frame.ts';
import { framesPath, parseFrames } from './frames-log.ts';
import type { RunInfo } from './hub.ts';
import { PointSchema, type Detail, type Point } from './protocol.ts';

export { runInfoOf } from './run-info.ts';
import { runInfoOf } from './run-info.ts';

/** run.json -> what the hello message says about the run. */
export async function readRunInfo(dir: string): Promise<RunInfo> {
  const { config, instance, backend } = await readRunConfig(dir);
  return runInfoOf({ mode: 'replay', config, backend, view: instance.view, record: instance.record, probeReference: instance.probeReference?.bind(instance) });
}

/** run.json -> the run's resolved config, its domain instance and the backend that ran. */
export async function readRunConfig(dir: string): Promise<{ config: RunConfig; instance: DomainInstance; backend: string }> {
  const path = runPaths(dir).runJson;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${dir}: no run.json here; give the directory of a run (made by redqueen run --out DIR)`
        : `${path}: not readable as JSON (${code ?? (e as Error).message})`,
    );
  }
  const run = raw as { config?: unknown; backend?: unknown } | null;
  const stored = parseConfigFile(run?.config, `${path} (config)`);
  const domain = findDomain(stored.domain ?? '');
  if (!domain) throw new UserError(`${path}: unknown domain "${stored.domain}"; this build knows other domains`);
  const { config, instance } = resolveConfig(domain, [{ source: path, config: stored }]);
  return { config, instance, backend: typeof run?.backend === 'string' ? run.backend : 'unknown' };
}

/**
 * metrics.jsonl text -> points: complete lines only, generations first,
 * first+1, ... in order; stops at the first line that breaks that (a torn
 * line, a foreign line), as the engine's own log reader does.
 */
export function pointsOf(text: string, first = 0): Point[] {
  const out: Point[] = [];
  const lines = text.split('\n');
  lines.pop(); // after the last newline: incomplete or empty
  for (const line of lines) {
    let point: Point;
    try {
      const value = JSON.parse(line) as GenerationMetrics;
      if (value?.generation !== first + out.length) break;
      point = pointFromMetrics(value);
    } catch {
      break;
    }
    if (!PointSchema.safeParse(point).success) break;
    out.push(point);
  }
  return out;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

export async function readRunHistory(dir: string): Promise<{ points: Point[]; frames: Map<number, Detail> }> {
  const points = pointsOf(await readText(runPaths(dir).metrics));
  const frames = new Map(parseFrames(await readText(framesPath(dir))).map((f) => [f.generation, f.detail]));
  return { points, frames };
}
