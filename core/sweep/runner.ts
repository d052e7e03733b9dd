/**
 * Run a sweep's jobs as child processes of the CLI, N at a time. A job whose
 * process fails or dies (any exit but 0 or 2) is resumed from its checkpoint,
 * not restarted; a job already finished (a sweep run again) is skipped, and
 * one left half done is resumed. Exit 2 is bad input and is not retried.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { runPaths } from '../run/run-dir.ts';
import type { Job } from './plan.ts';

export interface JobOutcome {
  readonly job: Job;
  /** What was started, in order: "run", "resume"; empty when the job was already done. */
  readonly attempts: readonly string[];
  readonly ok: boolean;
  readonly error?: string;
}

export interface RunnerOptions {
  /** argv prefix that starts the CLI: [node, bin/redqueen.js]. */
  readonly cli: readonly string[];
  readonly jobs: number;
  /** Extra flags for every run and resume (e.g. --nats URL). */
  readonly extra: readonly string[];
  readonly configFile: (job: Job) => string;
  readonly generations: (job: Job) => number;
  readonly attempts?: number;
  readonly onDone?: (o: JobOutcome, finished: number, total: number) => void;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function lines(path: string): Promise<number> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

function child(cli: readonly string[], args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(cli[0]!, [...cli.slice(1), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    p.on('error', (e) => resolve({ code: null, stderr: e.message }));
    p.on('close', (code) => resolve({ code, stderr }));
  });
}

async function playOne(job: Job, opts: RunnerOptions): Promise<JobOutcome> {
  const paths = runPaths(job.dir);
  const attempts: string[] = [];
  const max = opts.attempts ?? 3;
  let last = '';
  while (attempts.length < max) {
    if ((await lines(paths.metrics)) >= opts.generations(job)) return { job, attempts, ok: true };
    const resume = await exists(paths.checkpoint);
    attempts.push(resume ? 'resume' : 'run');
    const args = resume
      ? ['resume', job.dir, '--quiet', ...opts.extra]
      : ['run', '--config', opts.configFile(job), '--seed', job.seed, '--out', job.dir, '--quiet', ...opts.extra];
    const r = await child(opts.cli, args);
    if (r.code === 0) return { job, attempts, ok: true };
    last = r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`;
    if (r.code === 2) break; // bad input: another try gives the same answer
  }
  return { job, attempts, ok: false, error: last };
}

export async function runJobs(all: readonly Job[], opts: RunnerOptions): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = new Array(all.length);
  let next = 0;
  let finished = 0;
  const lane = async () => {
    while (next < all.length) {
      const i = next++;
      outcomes[i] = await playOne(all[i]!, opts);
      opts.onDone?.(outcomes[i]!, ++finished, all.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, all.length)) }, lane));
  return outcomes;
}
