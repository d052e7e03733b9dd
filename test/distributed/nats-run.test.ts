/**
 * Distributed evaluation against a real nats-server: the metrics of a run
 * evaluated by worker processes are byte-identical to the single-process
 * run's, with two workers, and when a worker is killed (SIGKILL) mid-run so
 * its tile is redelivered to the other after the ack wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { runCli, startCli, tempDir } from '../helpers/cli.ts';
import { startNats, type NatsServer } from '../helpers/nats.ts';

// Small density runs: 16 solvers + hall of fame rows in tiles of 4 rows, so every generation is several tiles.
const RUN = ['--domain', 'density-classification', '--population', '16', '--size', '31', '--steps', '40', '--generations', '5', '--seed', 'nats-test', '--backend', 'cpu', '--quiet'];

let nats: NatsServer;
let local: string;
const workers: ChildProcess[] = [];

function startWorker(): { child: ChildProcess; log: () => string } {
  const { child } = startCli(['worker', '--nats', nats.url, '--backend', 'cpu']);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  workers.push(child);
  return { child, log: () => log };
}

beforeAll(async () => {
  nats = await startNats();
  const dir = join(await tempDir(), 'local');
  const r = await runCli(['run', ...RUN, '--out', dir]);
  expect(r.code, r.stderr).toBe(0);
  local = await readFile(join(dir, 'metrics.jsonl'), 'utf8');
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await nats?.stop();
});

describe('run --nats', () => {
  it('two workers give the same metrics.jsonl as one process', async () => {
    const a = startWorker();
    const b = startWorker();
    const dir = join(await tempDir(), 'dist');
    const r = await runCli(['run', ...RUN, '--out', dir, '--nats', nats.url, '--tile-rows', '4']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(join(dir, 'metrics.jsonl'), 'utf8')).toBe(local);
    expect(local.split('\n').filter(Boolean)).toHaveLength(5);
    const runJson = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')) as { backend: string };
    expect(runJson.backend).toBe('nats');
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a, b].map((w) => new Promise((res) => w.child.once('exit', res))));
    // Both took part (each logs the evaluator it opened for the first tile it got).
    expect(a.log()).toMatch(/tiles done/);
    expect(b.log()).toMatch(/tiles done/);
  });

  it('a worker killed mid-run changes nothing: its tile is redelivered', async () => {
    const doomed = startWorker();
    const dir = join(await tempDir(), 'killed');
    const coordinator = startCli(['run', ...RUN, '--out', dir, '--nats', nats.url, '--tile-rows', '4']);
    // Kill the only worker once it has started on the run, then start a replacement.
    const end = Date.now() + 60_000;
    while (!/density-classification on cpu/.test(doomed.log()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(doomed.log()).toMatch(/density-classification on cpu/);
    doomed.child.kill('SIGKILL');
    startWorker();
    const r = await coordinator.done;
    expect(r.code, r.stderr).toBe(0);
    expect(doomed.child.signalCode).toBe('SIGKILL');
    expect(await readFile(join(dir, 'metrics.jsonl'), 'utf8')).toBe(local);
  });

  it('an unreachable server is one line naming --nats, exit 2', async () => {
    const r = await runCli(['run', ...RUN, '--out', join(await tempDir(), 'x'), '--nats', 'nats://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--nats nats:\/\/127\.0\.0\.1:1: cannot connect/);
  });
});
