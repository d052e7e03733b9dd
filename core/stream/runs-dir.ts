/**
 * A folder of runs (`redqueen serve runs/`): which subdirectories are runs,
 * each run's summary and curves for the overview page, and one replay hub
 * per run, started when a viewer first opens that run.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findDomain } from '../../populations/index.ts';
import { UserError } from '../basics/errors.ts';
import { liveWriter } from '../run/lock.ts';
import { runPaths } from '../run/run-dir.ts';
import { StreamHub } from './hub.ts';
import type { Point } from './protocol.ts';
import { startReplay, type Replay } from './replay.ts';
import { pointsOf, readRunConfig } from './run-files.ts';
import { MAX_CURVE_POINTS, type Curves, type RunsOverview, type RunSummary } from './runs-protocol.ts';

export function isRunDir(dir: string): boolean {
  return existsSync(runPaths(dir).runJson);
}

/** The subdirectories of `dir` that hold a run.json, by name. */
export async function findRuns(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && isRunDir(join(dir, e.name)))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** What `serve DIR` shows: one run, a folder of runs, or neither (a one-line error naming DIR). */
export async function serveTarget(dir: string): Promise<{ kind: 'run' } | { kind: 'runs'; names: string[] }> {
  if (isRunDir(dir)) return { kind: 'run' };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`${dir}: no such directory; give the directory of a run (redqueen run --out DIR) or a folder of runs`);
  }
  const names = await findRuns(dir);
  if (names.length === 0) {
    throw new UserError(`${dir}: no run.json here and no run directories under it; give the directory of a run (redqueen run --out DIR) or a folder holding some`);
  }
  return { kind: 'runs', names };
}

/** Every `stride`-th index plus the last, so at most MAX_CURVE_POINTS remain. */
export function curvesOf(points: readonly Point[], max = MAX_CURVE_POINTS): Curves {
  const stride = Math.max(1, Math.ceil(points.length / max));
  const kept = points.filter((_, i) => i % stride === 0 || i === points.length - 1);
  return {
    x: kept.map((p) => p.generation),
    probe: kept.map((p) => p.probe),
    ciaoSolver: kept.map((p) => p.ciao?.solver ?? null),
    ciaoChallenger: kept.map((p) => p.ciao?.challenger ?? null),
    solverBest: kept.map((p) => p.solvers.best),
    challengerBest: kept.map((p) => p.challengers.best),
  };
}

/** Highest probe score, the earliest generation on ties (as best-probed.json ranks). */
export function bestProbeOf(points: readonly Point[]): RunSummary['bestProbe'] {
  let best: RunSummary['bestProbe'] = null;
  for (const p of points) if (p.probe !== null && (!best || p.probe > best.score)) best = { score: p.probe, generation: p.generation };
  return best;
}

type Flat = Record<string, string>;

/**
 * Config fields that do not make a different setup: the seed and the length
 * (seeds of one setup, run for different lengths), and what cannot change the
 * results (every backend plays bit-identical games; checkpoints only save).
 */
const NOT_SETUP = new Set(['seed', 'generations', 'backend', 'checkpointEvery']);

/** A config as dotted keys -> JSON values, without what varies between seeds of one setup. */
function setupFields(config: unknown, prefix = '', out: Flat = {}): Flat {
  if (config && typeof config === 'object' && !Array.isArray(config)) {
    for (const [k, v] of Object.entries(config)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (!prefix && NOT_SETUP.has(k)) continue;
      setupFields(v, key, out);
    }
  } else out[prefix] = JSON.stringify(config);
  return out;
}

function setupLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`;
}

interface Cached {
  readonly key: string;
  readonly summary: Omit<RunSummary, 'state' | 'setup' | 'differs'>;
  readonly fields: Flat;
}

export interface RunsFolder {
  readonly dir: string;
  overview(): Promise<RunsOverview>;
  /** The replay hub of run `name` (started on first use), or null when the folder has no such run. */
  hub(name: string): Promise<StreamHub | null>;
  close(): void;
}

export function runsFolder(dir: string): RunsFolder {
  const cache = new Map<string, Cached>();
  const replays = new Map<string, Promise<{ hub: StreamHub; replay: Replay }>>();

  const read = async (name: string): Promise<Cached> => {
    const runDir = join(dir, name);
    const paths = runPaths(runDir);
    const [r, m] = await Promise.all([stat(paths.runJson), stat(paths.metrics).catch(() => null)]);
    // A run's files only change by a writer: reread them when their size or time moves.
    const key = `${r.mtimeMs}:${m?.mtimeMs ?? 0}:${m?.size ?? 0}`;
    const hit = cache.get(name);
    if (hit?.key === key) return hit;
    const { config } = await readRunConfig(runDir);
    const points = pointsOf(await readFile(paths.metrics, 'utf8').catch(() => ''));
    const entry: Cached = {
      key,
      fields: setupFields(config),
      summary: {
        name,
        domain: config.domain,
        title: findDomain(config.domain)?.title ?? config.domain,
        seed: config.seed,
        target: config.generations,
        generations: points.length,
        bestProbe: bestProbeOf(points),
        curves: curvesOf(points),
      },
    };
    cache.set(name, entry);
    return entry;
  };

  return {
    dir,
    async overview() {
      const names = await findRuns(dir);
      const runs: RunSummary[] = [];
      const unreadable: RunsOverview['unreadable'] = [];
      const setups: Flat[] = [];
      for (const name of names) {
        let entry: Cached;
        try {
          entry = await read(name);
        } catch (e) {
          unreadable.push({ name, reason: (e as Error).message });
          continue;
        }
        const same = (a: Flat, b: Flat) => Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);
        let s = setups.findIndex((f) => same(f, entry.fields));
        if (s < 0) s = setups.push(entry.fields) - 1;
        const first = setups[0]!;
        const differs = Object.keys({ ...first, ...entry.fields })
          .filter((k) => first[k] !== entry.fields[k])
          .sort()
          .map((k) => `${k}=${entry.fields[k] ?? '(unset)'}`);
        const { summary } = entry;
        const writer = await liveWriter(join(dir, name)).catch(() => null);
        const state = writer ? 'running' : summary.target > 0 && summary.generations >= summary.target ? 'finished' : 'stopped';
        runs.push({ ...summary, setup: setupLetter(s), differs, state });
      }
      return { dir, runs, unreadable };
    },
    async hub(name) {
      if (!(await findRuns(dir)).includes(name)) return null;
      let started = replays.get(name);
      if (!started) {
        const hub = new StreamHub(null);
        started = startReplay(join(dir, name), hub).then((replay) => ({ hub, replay }));
        replays.set(name, started);
        // A run that cannot be replayed now (mid-rewrite) is tried again by the next viewer.
        started.catch(() => replays.delete(name));
      }
      return (await started).hub;
    },
    close() {
      for (const p of replays.values()) {
        p.then(
          ({ hub, replay }) => {
            replay.stop();
            hub.closeAll();
          },
          () => {},
        );
      }
    },
  };
}
