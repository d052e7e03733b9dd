/**
 * An Evaluator whose batches are computed by `redqueen worker` processes on
 * NATS JetStream. Each batch is cut into tiles of rows (core/distributed/
 * protocol.ts); the coordinator publishes them, collects the results from an
 * ordered consumer on its own results subject, and assembles the matrix.
 * Workers run the same kernels, which agree bit for bit with the reference,
 * so a run is identical to the single-process run whatever the number of
 * workers and whatever fails.
 *
 * With no worker answering, the coordinator waits (it never computes a tile
 * itself, so the split of work stays the user's choice) and says so on
 * stderr every NOTICE_MS, with the command that starts a worker.
 */
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import type { Evaluator } from '../backends/evaluator.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { Population } from '../basics/population.ts';
import { UserError } from '../basics/errors.ts';
import {
  decodeResult,
  encodeTile,
  ensureStreams,
  RESULT_STREAM,
  runResults,
  runTiles,
  TILE_STREAM,
  tileBytes,
  tileSubject,
  type TileResult,
} from './protocol.ts';

export interface NatsEvaluatorOptions {
  readonly url: string;
  /** Rows per tile (fewer where a tile would not fit the server's max_payload). */
  readonly tileRows?: number;
  /** Where the waiting notices go (stderr by default). */
  readonly notice?: (line: string) => void;
  /** How long without a result before a notice. */
  readonly noticeMs?: number;
}

export const DEFAULT_TILE_ROWS = 64;
const NOTICE_MS = 10_000;

interface Pending {
  readonly batch: number;
  readonly parts: (Float32Array | undefined)[];
  received: number;
  resolve(): void;
  reject(e: Error): void;
}

/** Connect, or one clear line naming --nats and the fix. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 1000 });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UserError(`--nats ${url}: cannot connect (${why}); start a server with \`nats-server -js\` or fix the URL`);
  }
}

/** Check that the server answers and has JetStream, before anything is written (bad input is one line, nothing created). */
export async function probeNats(url: string): Promise<void> {
  const nc = await connectNats(url, 'redqueen probe');
  try {
    await jetstreamManager(nc);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UserError(`--nats ${url}: JetStream is not available (${why}); start the server with \`nats-server -js\``);
  } finally {
    await nc.close();
  }
}

export async function natsEvaluator(domain: DomainInstance, opts: NatsEvaluatorOptions): Promise<Evaluator> {
  const nc = await connectNats(opts.url, 'redqueen coordinator');
  let js: JetStreamClient;
  let messages: ConsumerMessages;
  // A fresh id per coordinator process: results left by an earlier process of the same run (before a resume) can never be mistaken for this one's.
  const run = randomUUID().replaceAll('-', '');
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStreams(jsm);
    js = jetstream(nc);
    // One subject as a string: a list needs server 2.10.
    const consumer = await js.consumers.get(RESULT_STREAM, { filter_subjects: runResults(run) });
    messages = await consumer.consume();
  } catch (e) {
    await nc.close();
    if (e instanceof UserError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new UserError(`--nats ${opts.url}: JetStream is not available (${why}); start the server with \`nats-server -js\``);
  }
  const notice = opts.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxPayload = nc.info?.max_payload ?? 1024 * 1024;
  let pending: Pending | undefined;
  let batches = 0;

  const deliver = (r: TileResult): void => {
    const p = pending;
    // Results of a finished batch (duplicates after a redelivery) are dropped.
    if (!p || r.header.batch !== p.batch || r.header.run !== run) return;
    if (r.header.error !== undefined) {
      p.reject(new Error(`a worker could not evaluate tile ${r.header.tile} of batch ${p.batch}: ${r.header.error}`));
      return;
    }
    if (p.parts[r.header.tile] !== undefined) return;
    p.parts[r.header.tile] = r.outcomes;
    p.received++;
    if (p.received === p.parts.length) p.resolve();
  };
  const reading = (async () => {
    for await (const m of messages) {
      try {
        deliver(decodeResult(m.data));
      } catch (e) {
        notice(`redqueen: ignored a malformed result on ${m.subject}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  })();

  return {
    backend: 'nats',
    async evaluate(rows: Population, cols: Population, opponents: Int32Array, width: number): Promise<Float32Array> {
      if (opponents.length !== rows.size * width) {
        throw new Error(`opponents has ${opponents.length} entries, expected ${rows.size} x ${width}`);
      }
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      const batch = batches++;
      let tileRows = Math.min(opts.tileRows ?? DEFAULT_TILE_ROWS, rows.size);
      while (tileRows > 1 && tileBytes(tileRows, rows.length, cols.size, cols.length, width) > maxPayload) {
        tileRows = Math.ceil(tileRows / 2);
      }
      if (tileBytes(tileRows, rows.length, cols.size, cols.length, width) > maxPayload) {
        throw new UserError(
          `--nats: one tile (${cols.size} columns of ${cols.length} genes) does not fit the server's max_payload of ${maxPayload} bytes; raise max_payload in the nats-server configuration`,
        );
      }
      const count = Math.ceil(rows.size / tileRows);
      const done = new Promise<void>((resolve, reject) => {
        pending = { batch, parts: new Array<Float32Array | undefined>(count).fill(undefined), received: 0, resolve, reject };
      });
      const p = pending!;
      const publishes: Promise<unknown>[] = [];
      for (let t = 0; t < count; t++) {
        const from = t * tileRows;
        const n = Math.min(tileRows, rows.size - from);
        const data = encodeTile({
          header: {
            run,
            batch,
            tile: t,
            domain: domain.name,
            options: domain.options,
            rows: n,
            rowLength: rows.length,
            cols: cols.size,
            colLength: cols.length,
            width,
          },
          rows: rows.genes.subarray(from * rows.length, (from + n) * rows.length),
          cols: cols.genes.subarray(0, cols.size * cols.length),
          opponents: opponents.subarray(from * width, (from + n) * width),
        });
        publishes.push(js.publish(tileSubject(run, batch, t), data, { msgID: `${run}.${batch}.${t}` }));
      }
      await Promise.all(publishes);
      let seen = 0;
      const timer = setInterval(() => {
        if (p.received !== seen) {
          seen = p.received;
          return;
        }
        notice(
          `redqueen: waiting for workers on ${opts.url}: ${p.received} of ${count} tiles of batch ${batch} back; start one with \`redqueen worker --nats ${opts.url}\``,
        );
      }, opts.noticeMs ?? NOTICE_MS);
      try {
        await done;
      } finally {
        clearInterval(timer);
        pending = undefined;
      }
      const out = new Float32Array(rows.size * width);
      p.parts.forEach((part, t) => {
        if (part!.length !== Math.min(tileRows, rows.size - t * tileRows) * width) {
          throw new Error(`tile ${t} of batch ${batch} came back with ${part!.length} outcomes`);
        }
        out.set(part!, t * tileRows * width);
      });
      return out;
    },
    async destroy() {
      await messages.close();
      await reading.catch(() => {});
      // Leave nothing of this coordinator on the server.
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.streams.purge(TILE_STREAM, { filter: runTiles(run) });
        await jsm.streams.purge(RESULT_STREAM, { filter: runResults(run) });
      } catch {
        // The server is gone; its max_age cleans up.
      }
      await nc.close();
    },
  };
}
