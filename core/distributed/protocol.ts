/**
 * The wire format of distributed evaluation (docs/design.md "Distributed
 * evaluation"). A coordinator splits one interaction batch into tiles of
 * rows; each tile is one message on a JetStream work-queue stream, taken by
 * one worker through a shared durable pull consumer with explicit acks, so a
 * worker that dies before acking has its tile redelivered after ACK_WAIT_MS.
 * A result is one message on the results stream. Tiles and results are named
 * by (run, batch, tile) and published with that name as the message id, so
 * the server drops duplicates, and a duplicate that gets through carries the
 * same outcomes (the kernels are deterministic): redelivery never changes a
 * run.
 *
 * Payloads are binary: a 4-byte magic, a 4-byte length, a small JSON header
 * padded to 4 bytes, then the genes (Float32Array bytes) and opponent
 * indices (Int32Array bytes) or the outcomes (Float32Array bytes).
 */
import type { JetStreamManager } from '@nats-io/jetstream';
import { AckPolicy, DiscardPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { JsonObject } from '../basics/json.ts';

export const TILE_STREAM = 'REDQUEEN_TILES';
export const RESULT_STREAM = 'REDQUEEN_RESULTS';
export const WORKERS_CONSUMER = 'redqueen-workers';
/** A tile not acked within this long is handed to another worker. */
export const ACK_WAIT_MS = 10_000;
/** Tiles and results of a coordinator that vanished expire after this long. */
const MAX_AGE_MS = 3_600_000;

export const tileSubject = (run: string, batch: number, tile: number): string => `redqueen.tiles.${run}.${batch}.${tile}`;
export const resultSubject = (run: string, batch: number, tile: number): string => `redqueen.results.${run}.${batch}.${tile}`;
export const runResults = (run: string): string => `redqueen.results.${run}.>`;
export const runTiles = (run: string): string => `redqueen.tiles.${run}.>`;

/** Create the two streams and the workers' consumer unless they exist (coordinators and workers both call it, in any order). */
export async function ensureStreams(jsm: JetStreamManager): Promise<void> {
  const streams = [
    { name: TILE_STREAM, subjects: ['redqueen.tiles.>'], retention: RetentionPolicy.Workqueue },
    { name: RESULT_STREAM, subjects: ['redqueen.results.>'], retention: RetentionPolicy.Limits },
  ];
  for (const s of streams) {
    await addIfMissing(
      () => jsm.streams.info(s.name),
      () =>
        jsm.streams.add({
          ...s,
          storage: StorageType.File,
          discard: DiscardPolicy.Old,
          max_age: nanos(MAX_AGE_MS),
          duplicate_window: nanos(120_000),
        }),
    );
  }
  await addIfMissing(
    () => jsm.consumers.info(TILE_STREAM, WORKERS_CONSUMER),
    () =>
      jsm.consumers.add(TILE_STREAM, {
        durable_name: WORKERS_CONSUMER,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(ACK_WAIT_MS),
        // Never give up on a tile: the run waits for every one of them.
        max_deliver: -1,
        filter_subject: 'redqueen.tiles.>',
      }),
  );
}

async function addIfMissing(info: () => Promise<unknown>, add: () => Promise<unknown>): Promise<void> {
  try {
    await info();
    return;
  } catch {
    // missing: add it below
  }
  try {
    await add();
  } catch (e) {
    // Another process may have added it between the two calls.
    await info().catch(() => {
      throw e;
    });
  }
}

const MAGIC_TILE = 0x52515431; // "RQT1"
const MAGIC_RESULT = 0x52515231; // "RQR1"

export interface TileHeader extends JsonObject {
  readonly run: string;
  readonly batch: number;
  readonly tile: number;
  /** The domain and its validated options: enough for a worker to build the same kernels. */
  readonly domain: string;
  readonly options: JsonObject;
  readonly rows: number;
  readonly rowLength: number;
  readonly cols: number;
  readonly colLength: number;
  readonly width: number;
}

export interface Tile {
  readonly header: TileHeader;
  readonly rows: Float32Array;
  readonly cols: Float32Array;
  readonly opponents: Int32Array;
}

export interface ResultHeader {
  readonly run: string;
  readonly batch: number;
  readonly tile: number;
  /** Set when the worker could not evaluate the tile; the outcomes are then empty. */
  readonly error?: string;
}

export interface TileResult {
  readonly header: ResultHeader;
  readonly outcomes: Float32Array;
}

function pack(magic: number, header: object, parts: readonly ArrayBufferView[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  const total = 8 + padded + parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  let at = 8 + padded;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return out;
}

function unpack(data: Uint8Array, magic: number): { header: unknown; body: Uint8Array } {
  if (data.byteLength < 8) throw new Error('message too short');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== magic) throw new Error('not a redqueen message of this kind');
  const length = view.getUint32(4, true);
  const header: unknown = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + length)));
  // Copy the body into its own buffer so the typed arrays below start at 0,
  // 4-byte aligned (the client may hand a Node Buffer, whose slice() is a view).
  return { header, body: new Uint8Array(data.subarray(8 + Math.ceil(length / 4) * 4)) };
}

export function encodeTile(tile: Tile): Uint8Array {
  return pack(MAGIC_TILE, tile.header, [tile.rows, tile.cols, tile.opponents]);
}

export function decodeTile(data: Uint8Array): Tile {
  const { header, body } = unpack(data, MAGIC_TILE);
  const h = header as TileHeader;
  const r = h.rows * h.rowLength;
  const c = h.cols * h.colLength;
  const o = h.rows * h.width;
  if (body.byteLength !== 4 * (r + c + o)) throw new Error(`tile ${h.tile}: body has ${body.byteLength} bytes, expected ${4 * (r + c + o)}`);
  const buf = body.buffer;
  return {
    header: h,
    rows: new Float32Array(buf, 0, r),
    cols: new Float32Array(buf, 4 * r, c),
    opponents: new Int32Array(buf, 4 * (r + c), o),
  };
}

export function encodeResult(result: TileResult): Uint8Array {
  return pack(MAGIC_RESULT, result.header, [result.outcomes]);
}

export function decodeResult(data: Uint8Array): TileResult {
  const { header, body } = unpack(data, MAGIC_RESULT);
  return { header: header as ResultHeader, outcomes: new Float32Array(body.buffer, 0, body.byteLength / 4) };
}

/** Bytes of a tile message of `rows` rows: what must fit in the server's max_payload. */
export function tileBytes(rows: number, rowLength: number, cols: number, colLength: number, width: number): number {
  return 8 + 1024 + 4 * (rows * rowLength + cols * colLength + rows * width);
}
