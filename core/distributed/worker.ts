/**
 * A worker: takes tiles from the shared work queue one at a time, computes
 * them with its own evaluator (the backend it was told to use, or the fastest
 * that works), publishes the outcomes and only then acks the tile. A worker
 * killed at any point leaves its tile unacked, and the server hands it to
 * another after the ack wait (protocol.ts).
 */
import { jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { Evaluator } from '../backends/evaluator.ts';
import { selectEvaluator } from '../backends/evaluator.ts';
import { withFallback } from '../backends/fallback.ts';
import type { BackendChoice } from '../domain/backend-names.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { JsonObject } from '../basics/json.ts';
import { ACK_WAIT_MS, decodeTile, encodeResult, ensureStreams, resultSubject, TILE_STREAM, WORKERS_CONSUMER, type Tile } from './protocol.ts';
import { connectNats } from './nats-evaluator.ts';

export interface WorkerOptions {
  readonly url: string;
  readonly backend: BackendChoice;
  /** Build a domain instance from the name and options a tile carries (the domain registry lives above this layer). */
  readonly resolve: (domain: string, options: JsonObject) => DomainInstance;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

export interface WorkerReport {
  readonly tiles: number;
  readonly failed: number;
}

/** Evaluators kept warm, one per (domain, options): compiling a kernel costs more than a tile. */
const KEEP = 4;

export async function runWorker(opts: WorkerOptions): Promise<WorkerReport> {
  const nc = await connectNats(opts.url, 'redqueen worker');
  const evaluators = new Map<string, Promise<Evaluator>>();
  let messages: ConsumerMessages | undefined;
  let tiles = 0;
  let failed = 0;
  const stop = () => void messages?.close();
  opts.signal.addEventListener('abort', stop);
  try {
    await ensureStreams(await jetstreamManager(nc));
    const js = jetstream(nc);
    const consumer = await js.consumers.get(TILE_STREAM, WORKERS_CONSUMER);
    // One tile at a time, so the work spreads evenly over the workers.
    messages = await consumer.consume({ max_messages: 1 });
    if (opts.signal.aborted) stop();
    opts.log(`redqueen worker: taking tiles from ${opts.url} (backend ${opts.backend})`);
    for await (const m of messages) {
      let tile: Tile;
      try {
        tile = decodeTile(m.data);
      } catch (e) {
        opts.log(`redqueen worker: dropped a malformed tile on ${m.subject}: ${e instanceof Error ? e.message : String(e)}`);
        m.term();
        continue;
      }
      const h = tile.header;
      if (m.info.deliveryCount > 1) {
        opts.log(`redqueen worker: tile ${h.tile} of batch ${h.batch} of run ${h.run} redelivered (delivery ${m.info.deliveryCount}): its last taker died or was slow`);
      }
      let outcomes: Float32Array;
      let error: string | undefined;
      // Tell the server the tile is in hand while it takes long, so it is not handed to another
      // worker after the ack wait (this fires between a backend's async steps; a kernel that
      // blocks the thread longer than the ack wait gets its tile computed twice, harmlessly).
      const heartbeat = setInterval(() => m.working(), ACK_WAIT_MS / 3);
      try {
        const evaluator = await evaluatorFor(evaluators, h.domain, h.options, opts, tile);
        outcomes = await evaluator.evaluate(
          { size: h.rows, length: h.rowLength, genes: tile.rows },
          { size: h.cols, length: h.colLength, genes: tile.cols },
          tile.opponents,
          h.width,
        );
      } catch (e) {
        // A tile that cannot be computed here is a bad setup (unknown domain, options): tell the coordinator rather than retry forever.
        error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        outcomes = new Float32Array(0);
        failed++;
        opts.log(`redqueen worker: tile ${h.tile} of batch ${h.batch} failed: ${error}`);
      } finally {
        clearInterval(heartbeat);
      }
      await js.publish(
        resultSubject(h.run, h.batch, h.tile),
        encodeResult({ header: { run: h.run, batch: h.batch, tile: h.tile, ...(error !== undefined ? { error } : {}) }, outcomes }),
        { msgID: `${h.run}.${h.batch}.${h.tile}` },
      );
      m.ack();
      tiles++;
    }
  } finally {
    opts.signal.removeEventListener('abort', stop);
    for (const ev of evaluators.values()) await (await ev.catch(() => undefined))?.destroy();
    await nc.close();
  }
  return { tiles, failed };
}

function evaluatorFor(
  cache: Map<string, Promise<Evaluator>>,
  domain: string,
  options: JsonObject,
  opts: WorkerOptions,
  tile: Tile,
): Promise<Evaluator> {
  const key = `${domain} ${JSON.stringify(options)}`;
  let ev = cache.get(key);
  if (ev) {
    cache.delete(key);
    cache.set(key, ev); // most recently used last
    return ev;
  }
  const h = tile.header;
  const instance = opts.resolve(domain, options);
  ev = selectEvaluator(instance, opts.backend, { rows: h.rows, cols: h.cols, width: h.width }).then((s) => {
    opts.log(`redqueen worker: ${domain} on ${s.evaluator.backend}`);
    // A backend failing here moves this worker to the next one; the outcomes are the same.
    return withFallback(instance, s.evaluator, s.fallbacks, (sw) =>
      opts.log(`redqueen worker: backend ${sw.from} failed (${sw.reason}); continuing on ${sw.to}`),
    );
  });
  ev.catch(() => cache.delete(key));
  cache.set(key, ev);
  if (cache.size > KEEP) {
    const [oldest, old] = cache.entries().next().value!;
    cache.delete(oldest);
    void old.then((e) => e.destroy()).catch(() => {});
  }
  return ev;
}
