/**
 * The hub: every connected viewer, the catch-up history, and the run's
 * controls. The run (or a replay) calls `publish` once per generation; the
 * message is serialized once and pushed onto each viewer's bounded queue,
 * which drains as fast as that viewer reads. Nothing here ever makes the run
 * wait. Incoming messages are rate limited, validated by the shared protocol
 * schema, and checked against the connection's permission before they touch
 * the controls; a rejected message gets an `error` reply and changes nothing.
 * A client over its rate is not read for a while (TCP then slows it down), so
 * a flood costs the run little (measured by `npm run bench:load`).
 *
 * Generations go out in batches: at most one message per `batchMs`, carrying
 * the newest generation with its picture and the points (and CIAO rows) of
 * the ones played since. A generation that comes after a quiet interval goes
 * out at once; one that comes sooner waits at most `batchMs`. A send costs
 * the run tens of microseconds (on loopback the kernel delivers to the reader
 * inside the writer's system call), so a run playing 40 generations a second
 * to 200 viewers spent a fifth of its time sending one message per
 * generation; batching sends five a second, and five pictures, not forty.
 *
 * The hub knows nothing of HTTP: the server hands it accepted sockets, so
 * load tests and fuzzers can drive it directly.
 */
import type { WebSocket } from 'ws';
import { ClientQueue, DEFAULT_QUEUE_LIMITS, type Outgoing, type OutgoingKind, type QueueLimits } from './client-queue.ts';
import type { Controls } from './gate.ts';
import { History } from './history.ts';
import {
  carried,
  parseClientMessage,
  PROTOCOL_VERSION,
  type ClientMessage,
  type Detail,
  type Earlier,
  type Hello,
  type Point,
  type RunStatus,
  type ServerMessageOf,
  type Snapshot,
} from './protocol.ts';
import { DEFAULT_RATE_LIMITS, TokenBucket, type RateLimits } from './rate-limit.ts';

export type RunInfo = Hello['run'] & { readonly mode: Hello['mode'] };

/**
 * Where a replay looks up one generation for `seek`: its snapshot, or a
 * reason it has none (a generation not played yet).
 */
export type Seeker = (generation: number) => Promise<Omit<Snapshot, 'type'> | { readonly missing: string }>;

/** Fields in this order: a reader can take the generation numbers from the head, before the picture. */
function generationMessage(point: Point, earlier: Earlier[], detail: Detail | null): ServerMessageOf<'generation'> {
  return { type: 'generation', point, earlier, detail };
}

export interface HubLimits {
  readonly queue: QueueLimits;
  readonly rate: RateLimits;
  /** Characters a viewer may have in flight (written, not yet taken by the kernel) before its queue holds. */
  readonly highWater: number;
  /**
   * Refused messages after which a flooding client is disconnected (close
   * code 1008). From then on nothing more is read from it: what it sent after
   * is never parsed, and the connection is dropped `floodLingerMs` later
   * whether or not it answers the close.
   */
  readonly floodClose: number;
  readonly floodLingerMs: number;
  /**
   * After a refused message the client is not read for this long: its
   * messages wait in the kernel (where they coalesce, so reading them later
   * costs one read instead of one per message) and TCP holds the sender back.
   */
  readonly holdMs: number;
  /** At most one generation message per this many milliseconds; 0 sends each generation on its own. */
  readonly batchMs: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  queue: DEFAULT_QUEUE_LIMITS,
  rate: DEFAULT_RATE_LIMITS,
  highWater: 1 << 20,
  // A person clicking sends a few a second; 500 refused is a program, and every one read costs the run.
  floodClose: 500,
  floodLingerMs: 2000,
  holdMs: 250,
  // Five updates a second: live to the eye, and a fast run no longer multiplies the sends
  // (100 ms measured at 0.83-0.88 of the unloaded rate under `npm run bench:load`, 200 ms at 0.92-0.94).
  batchMs: 200,
};

export interface ClientOptions {
  /** May send pause/resume/step/speed. */
  readonly control: boolean;
}

type ErrorCode = ServerMessageOf<'error'>['code'];

class Client {
  readonly queue: ClientQueue;
  readonly bucket: TokenBucket;
  inFlight = 0;
  refused = 0;
  lastRateError = Number.NEGATIVE_INFINITY;
  held = false;
  open = true;
  greeted = false;

  constructor(
    readonly socket: WebSocket,
    readonly options: ClientOptions,
    limits: HubLimits,
  ) {
    this.queue = new ClientQueue(limits.queue);
    this.bucket = new TokenBucket(limits.rate);
  }
}

export class StreamHub {
  private readonly clients = new Set<Client>();
  private readonly history = new History();
  private info: RunInfo | null = null;
  /**
   * The newest generation with a picture, sent to each new viewer after the
   * history; its message is made when a viewer first needs it, not on every
   * generation (the batches already serialize each picture once).
   */
  private latest: { readonly point: Point; readonly detail: Detail } | null = null;
  private latestCache: string | null = null;
  /** The history message as sent, until the next generation changes it: greetings (reconnects) reuse it. */
  private historyCache: string | null = null;
  private status: RunStatus = 'starting';
  private readonly limits: HubLimits;
  /** Generations not sent yet: the newest, and the ones before it since the last message. */
  private newest: { readonly point: Point; readonly detail: Detail | null } | null = null;
  private earlier: Earlier[] = [];
  private lastBatch = Number.NEGATIVE_INFINITY;
  private batchTimer: NodeJS.Timeout | null = null;
  private seeker: Seeker | null = null;

  constructor(
    private readonly controls: Controls | null,
    limits: Partial<HubLimits> = {},
  ) {
    this.limits = { ...DEFAULT_HUB_LIMITS, ...limits };
    controls?.onChange(() => {
      if (this.status === 'running' || this.status === 'paused') this.status = this.liveStatus();
      this.broadcastState();
    });
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Generations played so far. */
  get generation(): number {
    return this.history.total;
  }

  /** The run is known: greet every viewer that connected while it was starting. */
  start(info: RunInfo): void {
    this.info = info;
    this.status = info.mode === 'replay' ? 'replay' : this.liveStatus();
    for (const c of this.clients) this.greet(c);
  }

  /**
   * Start over from `past` (a replay, or a resumed run's earlier generations)
   * and greet every viewer again: a replayed run cut back by `resume` starts over this way.
   */
  reset(info: RunInfo, past: Iterable<{ readonly point: Point; readonly detail: Detail | null }> = []): void {
    this.history.clear();
    this.setLatest(null);
    this.dropBatch();
    for (const c of this.clients) {
      c.queue.clearGenerations();
      c.greeted = false;
    }
    for (const { point, detail } of past) {
      this.history.add(point, detail?.ciao ?? null);
      if (detail) this.setLatest({ point, detail });
    }
    this.historyCache = null;
    this.start(info);
  }

  publish(point: Point, detail: Detail | null): void {
    this.history.add(point, detail?.ciao ?? null);
    this.historyCache = null;
    if (detail) this.setLatest({ point, detail });
    if (this.newest) this.earlier.push({ point: this.newest.point, ciao: this.newest.detail?.ciao ?? null });
    this.newest = { point, detail };
    const wait = this.lastBatch + this.limits.batchMs - performance.now();
    if (wait <= 0) this.sendBatch();
    else if (!this.batchTimer) {
      this.batchTimer = setTimeout(() => this.sendBatch(), wait);
      this.batchTimer.unref();
    }
  }

  /** A replay answers `seek` through this; without one (a live run) seek is unavailable. */
  setSeeker(seeker: Seeker | null): void {
    this.seeker = seeker;
  }

  /** The run ended: 'finished' (all generations played) or 'stopped' (Ctrl-C). */
  finish(status: 'finished' | 'stopped'): void {
    this.status = status;
    this.sendBatch();
    this.broadcastState();
  }

  notice(level: 'info' | 'warning', message: string): void {
    this.broadcast(JSON.stringify({ type: 'notice', level, message } satisfies ServerMessageOf<'notice'>), 'note');
  }

  /** Take over an accepted WebSocket. */
  attach(socket: WebSocket, options: ClientOptions): void {
    const client = new Client(socket, options, this.limits);
    this.clients.add(client);
    socket.on('message', (data, isBinary) => this.receive(client, data, isBinary));
    socket.on('close', () => this.detach(client));
    socket.on('error', () => this.detach(client));
    if (this.info) this.greet(client);
  }

  /** Close every connection (the server is shutting down). */
  closeAll(code = 1001, reason = 'server shutting down'): void {
    this.dropBatch();
    for (const c of this.clients) {
      c.open = false;
      c.socket.close(code, reason);
    }
    this.clients.clear();
  }

  /** Queue lengths, for tests and diagnostics. */
  queueStats(): Array<{ queued: number; bytes: number; dropped: number; inFlight: number }> {
    return [...this.clients].map((c) => ({
      queued: c.queue.length,
      bytes: c.queue.size,
      dropped: c.queue.totalDropped,
      inFlight: c.inFlight,
    }));
  }

  private liveStatus(): RunStatus {
    return this.controls?.state().paused ? 'paused' : 'running';
  }

  private stateMessage(): ServerMessageOf<'state'> {
    return { type: 'state', status: this.status, generation: this.history.total, speed: this.controls?.state().speed ?? 0 };
  }

  private broadcastState(): void {
    this.broadcast(JSON.stringify(this.stateMessage()), 'state');
  }

  /** To every greeted viewer, encoded once here rather than once per viewer by the socket. */
  private broadcast(text: string, kind: OutgoingKind, points?: readonly Point[]): void {
    const encoded = Buffer.from(text);
    for (const c of this.clients) if (c.greeted) this.enqueue(c, { text, encoded, kind, ...(points ? { points } : {}) });
  }

  /** Send the generations not sent yet, as one message. */
  private sendBatch(): void {
    const newest = this.newest;
    const earlier = this.earlier;
    this.dropBatch();
    if (!newest) return;
    this.lastBatch = performance.now();
    const message = generationMessage(newest.point, earlier, newest.detail);
    this.broadcast(JSON.stringify(message), 'generation', carried(message).map((g) => g.point));
  }

  private dropBatch(): void {
    this.newest = null;
    this.earlier = [];
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }

  private setLatest(latest: { readonly point: Point; readonly detail: Detail } | null): void {
    this.latest = latest;
    this.latestCache = null;
  }

  private latestText(): string | null {
    if (!this.latest) return null;
    this.latestCache ??= JSON.stringify(generationMessage(this.latest.point, [], this.latest.detail));
    return this.latestCache;
  }

  private historyText(): string {
    this.historyCache ??= JSON.stringify({ type: 'history', ...this.history.snapshot() } satisfies ServerMessageOf<'history'>);
    return this.historyCache;
  }

  private greet(c: Client): void {
    const info = this.info!;
    const { mode, ...run } = info;
    const { type: _type, ...state } = this.stateMessage();
    const hello: ServerMessageOf<'hello'> = {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      mode,
      run,
      generation: this.history.total,
      control: c.options.control && this.controls !== null,
      state,
    };
    c.greeted = true;
    this.enqueue(c, { text: JSON.stringify(hello), kind: 'essential' });
    this.enqueue(c, { text: this.historyText(), kind: 'essential' });
    const latest = this.latestText();
    if (latest) this.enqueue(c, { text: latest, kind: 'generation' });
  }

  private enqueue(c: Client, item: Outgoing): void {
    if (!c.open) return;
    c.queue.push(item);
    this.pump(c);
  }

  /** Send queued messages while the viewer keeps up. */
  private pump(c: Client): void {
    while (c.open && c.inFlight < this.limits.highWater) {
      const next = c.queue.take();
      if (!next) return;
      if (next.resync) {
        c.queue.clearGenerations();
        c.queue.push({ text: this.historyText(), kind: 'essential' });
        const latest = this.latestText();
        if (latest) c.queue.push({ text: latest, kind: 'generation' });
      }
      const size = next.text.length;
      c.inFlight += size;
      c.socket.send(next.encoded ?? next.text, { binary: false }, (err) => {
        c.inFlight -= size;
        if (err) this.detach(c);
        else this.pump(c);
      });
    }
  }

  private reply(c: Client, code: ErrorCode, message: string): void {
    const text = JSON.stringify({ type: 'error', code, message } satisfies ServerMessageOf<'error'>);
    this.enqueue(c, { text, kind: 'note' });
  }

  private receive(c: Client, data: unknown, isBinary: boolean): void {
    if (!c.open) return;
    if (!c.bucket.take()) {
      c.refused++;
      if (c.refused >= this.limits.floodClose) {
        c.open = false;
        c.socket.pause();
        c.socket.close(1008, 'message flood');
        setTimeout(() => c.socket.terminate(), this.limits.floodLingerMs).unref();
        return;
      }
      // One error per second at most: the replies must not become a flood of their own.
      const now = performance.now();
      if (now - c.lastRateError >= 1000) {
        c.lastRateError = now;
        this.reply(c, 'rate-limited', `too many messages: at most ${this.limits.rate.perSecond} a second; this one was ignored`);
      }
      this.hold(c);
      return;
    }
    if (isBinary) {
      this.reply(c, 'bad-message', 'binary frames are not accepted; send JSON text');
      return;
    }
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : String(data);
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      this.reply(c, 'bad-message', parsed.reason);
      return;
    }
    this.command(c, parsed.message);
  }

  private command(c: Client, m: ClientMessage): void {
    if (m.type === 'seek') {
      this.seek(c, m.generation);
      return;
    }
    const controls = this.controls;
    if (!controls) {
      this.reply(c, 'unavailable', 'this server replays a run from its files; pause, resume, step and speed are not available');
      return;
    }
    if (!c.options.control) {
      this.reply(c, 'forbidden', 'controlling the run needs the control token: open the URL printed at start (it ends in ?token=...)');
      return;
    }
    if (this.status === 'finished' || this.status === 'stopped' || this.status === 'starting') {
      this.reply(c, 'unavailable', `the run is ${this.status}; ${m.type} is not possible now`);
      return;
    }
    switch (m.type) {
      case 'pause':
        controls.pause();
        break;
      case 'resume':
        controls.resume();
        break;
      case 'step':
        controls.step(m.count ?? 1);
        break;
      case 'speed':
        controls.setSpeed(m.generationsPerSecond);
        break;
    }
  }

  /** Answer one viewer's seek; it changes nothing for the others, so it needs no control permission. */
  private seek(c: Client, generation: number): void {
    const seeker = this.seeker;
    if (!seeker) {
      this.reply(c, 'unavailable', 'seek moves through a run replayed from its files (redqueen serve DIR); a live run has no timeline');
      return;
    }
    seeker(generation).then(
      (answer) => {
        if ('missing' in answer) this.reply(c, 'unavailable', answer.missing);
        else this.enqueue(c, { text: JSON.stringify({ type: 'snapshot', ...answer } satisfies Snapshot), kind: 'note' });
      },
      (e: unknown) => this.reply(c, 'unavailable', `generation ${generation} could not be read from the run's files (${(e as Error).message}); try again`),
    );
  }

  /**
   * Stop reading a client that is over its rate for a while (see
   * HubLimits.holdMs). The pause waits for the end of this I/O turn: a socket
   * paused inside its data handler delivers only one buffered chunk per
   * resume, so a backlog would drain a few messages per hold.
   */
  private hold(c: Client): void {
    if (c.held || this.limits.holdMs <= 0) return;
    c.held = true;
    setImmediate(() => {
      if (!c.open) return;
      c.socket.pause();
      setTimeout(() => {
        c.held = false;
        if (c.open) c.socket.resume();
      }, this.limits.holdMs).unref();
    });
  }

  private detach(c: Client): void {
    c.open = false;
    this.clients.delete(c);
  }
}
