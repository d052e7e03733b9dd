/**
 * Test helpers for the stream: an in-process run with a live stream on an
 * ephemeral loopback port, and WebSocket clients that collect every message
 * (validated by the shared protocol schema) and can wait for one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { runCommand, type RunFlags } from '../../../core/cli/run-command.ts';
import { startLiveStream, type LiveStream, type LiveStreamOptions } from '../../../core/stream/live.ts';
import {
  carried,
  ServerMessageSchema,
  type CiaoRowMessage,
  type Detail,
  type Point,
  type ServerMessage,
  type ServerMessageOf,
} from '../../../core/stream/protocol.ts';

export function tempDir(prefix = 'redqueen-stream-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A small, fast sorting-network run on the cpu backend. */
export const SMALL_RUN: RunFlags = {
  inputs: '5',
  population: '16',
  generations: '30',
  backend: 'cpu',
  seed: '7',
  quiet: true,
};

export interface TestRun {
  readonly live: LiveStream;
  readonly dir: string;
  readonly wsUrl: string;
  readonly httpUrl: string;
  /** Starts the run; resolves to its exit code. */
  start(): Promise<number>;
  cleanup(): Promise<void>;
}

export async function testRun(flags: Partial<RunFlags>, opts: Partial<LiveStreamOptions> = {}): Promise<TestRun> {
  const tmp = tempDir();
  const dir = join(tmp.path, 'run');
  const live = await startLiveStream({ host: '127.0.0.1', port: 0, ...opts });
  let running: Promise<number> | null = null;
  return {
    live,
    dir,
    wsUrl: `ws://127.0.0.1:${live.server.port}/ws`,
    httpUrl: live.server.url,
    start() {
      running ??= runCommand({ ...SMALL_RUN, ...flags, out: dir } as RunFlags, live.hooks);
      return running;
    },
    async cleanup() {
      // Let the run finish at full speed rather than at its test pace.
      live.gate.setSpeed(0);
      live.gate.resume();
      await running?.catch(() => 1);
      await live.close();
      tmp.remove();
    },
  };
}

export interface Streamed {
  readonly point: Point;
  readonly ciao: CiaoRowMessage | null;
  /** The picture: only the newest generation of a message has one. */
  readonly detail: Detail | null;
}

export interface Client {
  readonly socket: WebSocket;
  readonly messages: ServerMessage[];
  /** Raw frames that did not match the protocol schema (should stay empty). */
  readonly invalid: string[];
  of<T extends ServerMessage['type']>(type: T): Array<ServerMessageOf<T>>;
  /** Every generation streamed so far, in arrival order: each message's `earlier` ones, then its newest. */
  generations(): Streamed[];
  waitFor<T extends ServerMessage['type']>(
    type: T,
    pred?: (m: ServerMessageOf<T>) => boolean,
    timeoutMs?: number,
  ): Promise<ServerMessageOf<T>>;
  send(value: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function client(url: string, options: WebSocket.ClientOptions = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    const messages: ServerMessage[] = [];
    const invalid: string[] = [];
    const waiters: Array<() => void> = [];
    let onClose: (v: { code: number; reason: string }) => void = () => {};
    const closed = new Promise<{ code: number; reason: string }>((r) => (onClose = r));
    socket.on('message', (data) => {
      const text = data.toString();
      const parsed = ServerMessageSchema.safeParse(JSON.parse(text));
      if (parsed.success) messages.push(parsed.data);
      else invalid.push(text);
      for (const w of waiters.splice(0)) w();
    });
    socket.on('close', (code, reason) => {
      onClose({ code, reason: reason.toString() });
      for (const w of waiters.splice(0)) w();
    });
    socket.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.on('error', reject);
    const of = <T extends ServerMessage['type']>(type: T) =>
      messages.filter((m): m is ServerMessageOf<T> => m.type === type);
    socket.on('open', () =>
      resolve({
        socket,
        messages,
        invalid,
        of,
        generations: () =>
          of('generation').flatMap((m) => carried(m).map((g, i, all) => ({ ...g, detail: i === all.length - 1 ? m.detail : null }))),
        closed,
        send: (value) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
        close: () => socket.close(),
        waitFor(type, pred = () => true, timeoutMs = 30_000) {
          return new Promise((res, rej) => {
            const timer = setTimeout(
              () => rej(new Error(`no ${type} message within ${timeoutMs} ms (got: ${messages.map((m) => m.type).join(',')})`)),
              timeoutMs,
            );
            const check = () => {
              const hit = of(type).find(pred);
              if (hit) {
                clearTimeout(timer);
                res(hit);
              } else if (socket.readyState === WebSocket.CLOSED) {
                clearTimeout(timer);
                rej(new Error(`closed before a ${type} message`));
              } else waiters.push(check);
            };
            check();
          });
        },
      }),
    );
  });
}

/** The HTTP status a refused upgrade gets (or 101 when accepted). */
export function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, options);
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => resolve(0));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A chart point with fixed values, for tests of the queues and history. */
export const point = (generation: number): Point => ({
  generation,
  solvers: { best: 1, mean: 0.5, diversity: 0.3 },
  challengers: { best: 0.4, mean: 0.2, diversity: 0.6 },
  engagement: { mean: 0.5, zeros: 0, ones: 0.1, disengaged: false },
  ciao: null,
  probe: null,
  arms: null,
  events: [],
  records: null,
  probeDimensions: null,
});

/** A one-cell CIAO row for generation g. */
export const ciaoRow = (generation: number): CiaoRowMessage => ({ generation, generations: [0], solver: [0.5], challenger: [0.5] });

/** A minimal picture for generation g: a 1x1 matrix, its CIAO row, the generation as the best solver. */
export const detailAt = (generation: number): Detail => ({
  matrix: { rows: 1, cols: 1, solvers: 1, challengers: 1, data: 'AA==' },
  ciao: ciaoRow(generation),
  probe: null,
  best: { solver: generation, challenger: null, summary: null },
  samples: null,
  master: null,
  records: null,
});
