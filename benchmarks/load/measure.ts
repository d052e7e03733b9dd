/**
 * A run under viewer load, against itself unloaded. One run streams on a
 * loopback port at full speed; its generation rate is measured in windows
 * that alternate unloaded (no clients) and loaded (`viewers` well-behaved
 * viewers plus `flooders` hostile clients, all in a child process so their
 * own work does not run on the run's thread), starting and ending unloaded.
 * Clients connect and leave between windows, untimed. The run evaluates on
 * one thread, so on a 2-core machine the run and the clients each have a
 * core: the ratio measures what serving the clients costs the run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendName } from '../../core/domain/backend-names.ts';
import { writeCheckpoint } from '../../core/run/checkpoint.ts';
import { prepareRun, type RunFlags } from '../../core/cli/run-command.ts';
import { kernelEvaluator } from '../../core/backends/evaluator.ts';
import { runPaths } from '../../core/run/run-dir.ts';
import { runJob } from '../../core/run/loop.ts';
import { initialState } from '../../core/engine/state.ts';
import { startLiveStream } from '../../core/stream/live.ts';
import type { GateState } from '../../core/stream/gate.ts';
import { mean } from '../stats.ts';
import type { Command, Event, FloodReport, ViewerReport } from './clients.ts';

export interface LoadOptions {
  /** The run, as `redqueen run` flags (domain, population, inputs, ...). */
  readonly run: RunFlags;
  readonly backend: BackendName;
  readonly viewers: number;
  readonly flooders: number;
  readonly windowSeconds: number;
  /** Loaded windows; there is one more unloaded window. */
  readonly cycles: number;
}

export interface LoadResult {
  /** Generations per second in each unloaded and each loaded window, in order. */
  readonly unloaded: number[];
  readonly loaded: number[];
  /** Mean loaded rate / mean unloaded rate (wall clock). */
  readonly ratio: number;
  /**
   * The same in CPU time of the run's process: generations per CPU-second,
   * loaded / unloaded. Where other work competes for the cores (a shared
   * machine), this isolates what serving the clients costs the run itself.
   */
  readonly cpuRatio: number;
  /** CPU milliseconds of the run's process per generation, per window. */
  readonly unloadedCpuMs: number[];
  readonly loadedCpuMs: number[];
  /** Each loaded window against the mean of the unloaded windows either side of it. */
  readonly cycleRatios: number[];
  /** What the clients saw, per loaded window. */
  readonly windows: Array<{ readonly viewers: ViewerReport; readonly flood: FloodReport }>;
  readonly gateBefore: GateState;
  readonly gateAfter: GateState;
  readonly generations: number;
}

const CLIENTS = fileURLToPath(new URL('./clients.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ask(child: ChildProcess, command: Command, expect: Event['ev']): Promise<Event> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`load clients exited (${code})`));
    const onMessage = (e: Event) => {
      if (e.ev !== expect) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(e);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(command);
  });
}

export async function measureLoad(opts: LoadOptions): Promise<LoadResult> {
  const { config, instance } = await prepareRun({ ...opts.run, quiet: true });
  const dir = await mkdtemp(join(tmpdir(), 'redqueen-load-'));
  const state = initialState(instance, config);
  await writeCheckpoint(runPaths(dir).checkpoint, { config, state });
  const evaluator = await kernelEvaluator(instance, opts.backend, { asyncMode: false });
  const live = await startLiveStream({ host: '127.0.0.1', port: 0, gate: { paused: false, speed: 0 } });
  const url = `ws://127.0.0.1:${live.server.port}/ws`;
  const stamps: number[] = [];
  const hooks = { ...live.hooks, onGeneration: (...a: Parameters<NonNullable<typeof live.hooks.onGeneration>>) => {
    live.hooks.onGeneration!(...a);
    stamps.push(performance.now());
  } };
  const stop = new AbortController();
  const gateBefore = live.gate.state();
  const running = runJob({ dir, config, domain: instance, evaluator, state, until: Number.MAX_SAFE_INTEGER, hooks, signal: stop.signal });
  const child = fork(CLIENTS, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const unloaded: number[] = [];
  const loaded: number[] = [];
  const unloadedCpuMs: number[] = [];
  const loadedCpuMs: number[] = [];
  const windows: LoadResult['windows'] = [];
  const window = async () => {
    const t0 = performance.now();
    const g0 = stamps.length;
    const cpu0 = process.cpuUsage();
    await sleep(opts.windowSeconds * 1000);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const played = stamps.filter((t) => t >= t0 && t < t1).length;
    return { rate: played / ((t1 - t0) / 1000), cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(played, 1), from: g0, to: stamps.length };
  };
  try {
    // Until the Hall of Fame sample is full each generation has a new batch shape, and so a kernel compile.
    while (stamps.length < config.hallOfFame.sample + 3) await sleep(50);
    for (let c = 0; c <= opts.cycles; c++) {
      const u = await window();
      unloaded.push(u.rate);
      unloadedCpuMs.push(u.cpuMs);
      if (c === opts.cycles) break;
      await ask(child, { cmd: 'connect', url, viewers: opts.viewers, flooders: opts.flooders }, 'connected');
      await sleep(200); // the last greetings (and the flooders' first refusals) settle
      const w = await window();
      loaded.push(w.rate);
      loadedCpuMs.push(w.cpuMs);
      // Generations published until a moment ago have had time to arrive.
      await sleep(300);
      const report = (await ask(child, { cmd: 'report', from: w.from, to: w.to }, 'report')) as Extract<Event, { ev: 'report' }>;
      windows.push({ viewers: report.viewers, flood: report.flood });
      await ask(child, { cmd: 'disconnect' }, 'disconnected');
      await sleep(300); // sockets close
    }
  } finally {
    stop.abort();
    child.kill();
    await running.catch(() => undefined);
    await evaluator.destroy();
    await live.close();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    unloaded,
    loaded,
    ratio: mean(loaded) / mean(unloaded),
    cpuRatio: mean(unloadedCpuMs) / mean(loadedCpuMs),
    unloadedCpuMs,
    loadedCpuMs,
    cycleRatios: loaded.map((l, i) => l / ((unloaded[i]! + unloaded[i + 1]!) / 2)),
    windows,
    gateBefore,
    gateAfter: live.gate.state(),
    generations: stamps.length,
  };
}
