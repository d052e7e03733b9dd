/**
 * Distributed evaluation against a real nats-server: the metrics of a run
 * evaluated by worker processes are byte-identical to the single-process
 * run's, with two workers, and when a worker is killed (SIGKILL) mid-run; a
 * tile taken and never acked is redelivered to another worker after the ack
 * wait; and `resume
 * --nats` continues a run as a local resume does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { runCli, startCli, tempDir, waitFor } from '../helpers/cli.ts';
import { natsEvaluator } from '../../core/distributed/nats-evaluator.ts';
import { randomPair, referenceEvaluator, roundRobinOpponents } from '../../core/backends/evaluator.ts';
import { findDomain } from '../../populations/index.ts';
import { ACK_WAIT_MS, decodeTile, ensureStreams, TILE_STREAM, WORKERS_CONSUMER } from '../../core/distributed/protocol.ts';
import { startNats, type NatsServer } from '../helpers/nats.ts';

// Small density runs: 16 solvers + hall of fame rows in tiles of 4 rows, so every generation is several tiles.
const RUN = ['--domain', 'density-classification', '--population', '16', '--size', '31', '--steps', '40', '--generations', '5', '--seed', 'nats-test', '--backend', 'cpu', '--quiet'];

let nats: NatsServer;
let local: string;
let localDir: string;
const workers: ChildProcess[] = [];
/** What every worker started in this file has logged (a redelivered tile may go to any live one). */
const logs: Array<() => string> = [];

function startWorker(): { child: ChildProcess; log: () => string } {
  const { child } = startCli(['worker', '--nats', nats.url, '--backend', 'cpu']);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  workers.push(child);
  logs.push(() => log);
  return { child, log: () => log };
}

beforeAll(async () => {
  nats = await startNats();
  localDir = join(await tempDir(), 'local');
  const r = await runCli(['run', ...RUN, '--out', localDir]);
  expect(r.code, r.stderr).toBe(0);
  local = await readFile(join(localDir, 'metrics.jsonl'), 'utf8');
});

// Each test starts with no worker of an earlier one still taking tiles.
afterEach(async () => {
  const live = workers.filter((w) => w.exitCode === null && w.signalCode === null);
  await Promise.all(
    live.map(
      (w) =>
        new Promise<void>((done) => {
          const kill = setTimeout(() => w.kill('SIGKILL'), 5_000);
          w.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          w.kill('SIGTERM');
        }),
    ),
  );
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await nats?.stop();
});

describe('run --nats', () => {
  it('with no worker the coordinator waits and says so; a worker that comes later gives the reference outcomes', async () => {
    const domain = findDomain('density-classification')!;
    const instance = domain.create(domain.options.parse({ size: 15, steps: 12 }));
    const [rows, cols] = randomPair(instance, 10, 7, 'tiles');
    const opponents = roundRobinOpponents(10, 7);
    const notices: string[] = [];
    const evaluator = await natsEvaluator(instance, { url: nats.url, tileRows: 3, noticeMs: 300, notice: (l) => notices.push(l) });
    try {
      const pending = evaluator.evaluate(rows, cols, opponents, 7);
      await waitFor(async () => notices.length > 0, 30_000);
      expect(notices[0]).toMatch(/waiting for workers on nats:\/\/127\.0\.0\.1:\d+: 0 of 4 tiles .*redqueen worker --nats/);
      const w = startWorker();
      const got = await pending;
      const want = await referenceEvaluator(instance).evaluate(rows, cols, opponents, 7);
      expect(Array.from(got)).toEqual(Array.from(want));
      w.child.kill('SIGTERM');
      await new Promise((res) => w.child.once('exit', res));
    } finally {
      await evaluator.destroy();
    }
  });

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
    // resume --nats continues on the workers exactly as a local resume does.
    const more = await runCli(['resume', dir, '--generations', '7', '--quiet', '--nats', nats.url, '--tile-rows', '3']);
    expect(more.code, more.stderr).toBe(0);
    const localMore = await runCli(['resume', localDir, '--generations', '7', '--quiet']);
    expect(localMore.code, localMore.stderr).toBe(0);
    const extended = await readFile(join(localDir, 'metrics.jsonl'), 'utf8');
    expect(extended.split('\n').filter(Boolean)).toHaveLength(7);
    expect(await readFile(join(dir, 'metrics.jsonl'), 'utf8')).toBe(extended);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a, b].map((w) => new Promise((res) => w.child.once('exit', res))));
    // Both took part (each logs the evaluator it opened for the first tile it got).
    expect(a.log()).toMatch(/tiles done/);
    expect(b.log()).toMatch(/tiles done/);
  });

  it('a worker killed mid-run changes nothing', async () => {
    const doomed = startWorker();
    const dir = join(await tempDir(), 'killed');
    const coordinator = startCli(['run', ...RUN, '--out', dir, '--nats', nats.url, '--tile-rows', '4']);
    const end = Date.now() + 60_000;
    while (!/density-classification on cpu/.test(doomed.log()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(doomed.log()).toMatch(/density-classification on cpu/);
    // Freeze the only worker; the server keeps handing it tiles on its open pull request,
    // so once one is out and unacked the worker is surely killed holding it.
    doomed.child.kill('SIGSTOP');
    const nc = await connect({ servers: nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      while ((await jsm.consumers.info(TILE_STREAM, WORKERS_CONSUMER)).num_ack_pending === 0 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await jsm.consumers.info(TILE_STREAM, WORKERS_CONSUMER)).num_ack_pending).toBeGreaterThan(0);
    } finally {
      await nc.close();
    }
    doomed.child.kill('SIGKILL');
    startWorker();
    const r = await coordinator.done;
    expect(r.code, r.stderr).toBe(0);
    expect(doomed.child.signalCode).toBe('SIGKILL');
    // (Whether the killed worker had already stored the unacked tile's result is a race, so
    // the redelivery itself is checked deterministically by the next test.)
    expect(await readFile(join(dir, 'metrics.jsonl'), 'utf8')).toBe(local);
  });

  it('a tile taken by a worker that dies before storing its result is redelivered to another', async () => {
    const dir = join(await tempDir(), 'taken');
    const started = Date.now();
    const coordinator = startCli(['run', ...RUN, '--out', dir, '--nats', nats.url, '--tile-rows', '4']);
    // The dying worker: take one tile from the workers' consumer, never ack it, and disconnect.
    const nc = await connect({ servers: nats.url });
    let taken: { tile: number; batch: number; run: string } | undefined;
    try {
      await ensureStreams(await jetstreamManager(nc));
      const consumer = await jetstream(nc).consumers.get(TILE_STREAM, WORKERS_CONSUMER);
      // A tile of an earlier, finished run may still be pending from a killed worker: it comes
      // back as a second delivery and is acked here; the first first-delivery tile is this run's.
      for (;;) {
        const m = await consumer.next({ expires: 60_000 });
        expect(m, 'no tile was published within a minute').not.toBeNull();
        if (m!.info.deliveryCount > 1) {
          m!.ack();
          continue;
        }
        const h = decodeTile(m!.data).header;
        taken = { tile: h.tile, batch: h.batch, run: h.run };
        break;
      }
    } finally {
      await nc.close();
    }
    startWorker();
    const r = await coordinator.done;
    expect(r.code, r.stderr).toBe(0);
    expect(taken).toBeDefined();
    // The run could only finish once the server handed the held tile out again, after the ack wait.
    expect(Date.now() - started).toBeGreaterThanOrEqual(ACK_WAIT_MS);
    const all = logs.map((l) => l()).join('');
    expect(all, all).toContain(`tile ${taken!.tile} of batch ${taken!.batch} of run ${taken!.run} redelivered (delivery 2)`);
    expect(await readFile(join(dir, 'metrics.jsonl'), 'utf8')).toBe(local);
  });

  it('sweep --nats plays its runs on the workers, identical to a run in one process', async () => {
    startWorker();
    const root = await tempDir('rq-sweep-nats-');
    const config = join(root, 'base.json');
    await writeFile(config, JSON.stringify({ domain: 'number-games', generations: 5, solvers: 8, challengers: 8, backend: 'cpu' }));
    const out = join(root, 'sweep');
    const r = await runCli(['sweep', '--config', config, '--seeds', '1,2', '--jobs', '2', '--out', out, '--nats', nats.url, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const one = await runCli(['run', '--config', config, '--seed', '2', '--out', join(root, 'one'), '--quiet']);
    expect(one.code, one.stderr).toBe(0);
    expect(await readFile(join(out, 'config', 'seed-2', 'metrics.jsonl'), 'utf8')).toBe(await readFile(join(root, 'one', 'metrics.jsonl'), 'utf8'));
    const runJson = JSON.parse(await readFile(join(out, 'config', 'seed-2', 'run.json'), 'utf8')) as { backend: string };
    expect(runJson.backend).toBe('nats');
  });

  it('an unreachable server is one line naming --nats, exit 2, nothing created', async () => {
    const out = join(await tempDir(), 'x');
    const r = await runCli(['run', ...RUN, '--out', out, '--nats', 'nats://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--nats nats:\/\/127\.0\.0\.1:1: cannot connect/);
    await expect(stat(out)).rejects.toThrow();
    const t = await runCli(['run', ...RUN, '--out', out, '--tile-rows', '4']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--tile-rows only applies with --nats/);
  });
});
