/**
 * The load generator, a child process (so its work runs beside the run, not
 * inside it): well-behaved viewers that read everything, and flooders that
 * send malformed, oversized and valid-but-idle commands as fast as they can,
 * reconnecting whenever the server cuts them off. Driven over IPC by
 * measure.ts; reports what each viewer saw.
 */
import WebSocket from 'ws';

export type Command =
  | { readonly cmd: 'connect'; readonly url: string; readonly viewers: number; readonly flooders: number }
  | { readonly cmd: 'report'; readonly from: number; readonly to: number }
  | { readonly cmd: 'disconnect' };

export interface ViewerReport {
  readonly viewers: number;
  /** Viewers that saw every generation in [from, to): streamed, or as a lagged notice's point. */
  readonly complete: number;
  /** Fewest generation messages any viewer received in the window (each carries the generations played since the last). */
  readonly minGenerationMessages: number;
  readonly laggedNotices: number;
  /** Viewers the server closed, or whose socket failed. */
  readonly dropped: number;
  /** Messages that were not JSON with a known shape. */
  readonly invalid: number;
}

export interface FloodReport {
  readonly sent: number;
  readonly errorReplies: number;
  readonly closes: Readonly<Record<string, number>>;
  readonly connections: number;
}

export type Event =
  | { readonly ev: 'connected' }
  | { readonly ev: 'report'; readonly viewers: ViewerReport; readonly flood: FloodReport }
  | { readonly ev: 'disconnected' };

const send = (e: Event) => process.send!(e);

interface Viewer {
  readonly socket: WebSocket;
  readonly seen: Set<number>;
  generationMessages: Map<number, number>;
  lagged: number;
  dropped: boolean;
  invalid: number;
}

const HEAD = /^\{"type":"(\w+)"(?:,"point":\{"generation":(\d+))?/;
/** The generation of each point in a message's `earlier` list (the newest one's is in HEAD). */
const EARLIER = /\{"point":\{"generation":(\d+)/g;

function viewer(url: string): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const v: Viewer = { socket, seen: new Set(), generationMessages: new Map(), lagged: 0, dropped: false, invalid: 0 };
    socket.on('message', (data: Buffer) => {
      // Generation messages are most of the traffic: read their head only.
      const head = HEAD.exec(data.subarray(0, 80).toString());
      if (!head) return void v.invalid++;
      const type = head[1];
      if (type === 'generation' && head[2] !== undefined) {
        const g = Number(head[2]);
        v.seen.add(g);
        v.generationMessages.set(g, (v.generationMessages.get(g) ?? 0) + 1);
        // Generations played since the last message come before the picture: read up to it only.
        const end = data.indexOf('"detail":');
        for (const e of data.subarray(0, end < 0 ? data.length : end).toString().matchAll(EARLIER)) v.seen.add(Number(e[1]));
      } else if (type === 'history' || type === 'lagged') {
        const m = JSON.parse(data.toString()) as { points: Array<{ generation: number }> };
        for (const p of m.points) v.seen.add(p.generation);
        if (type === 'lagged') v.lagged++;
        // Connected once greeted: the catch-up (the largest message) has arrived and been read.
        if (type === 'history') resolve(v);
      }
    });
    socket.on('close', () => (v.dropped = true));
    socket.on('error', reject);
  });
}

/** Messages a flooder cycles through: malformed, unknown, and valid commands that change nothing while the run goes at full speed. */
const FLOOD = [
  'not json',
  '{"type":"jump"}',
  '{"type":"speed","generationsPerSecond":-1}',
  '{"type":"step","count":0}',
  '[1,2,3]',
  '{"type":"resume"}',
  '{"type":"speed","generationsPerSecond":0}',
  '{"type":"__proto__","constructor":{"prototype":{"x":1}}}',
];
const OVERSIZE = JSON.stringify({ type: 'resume', pad: 'x'.repeat(5000) });

class Flooder {
  sent = 0;
  errorReplies = 0;
  connections = 0;
  readonly closes: Record<string, number> = {};
  private socket: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private active = true;

  constructor(private readonly url: string) {
    this.connect();
  }

  private connect(): void {
    if (!this.active) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.connections++;
    socket.on('message', (data: Buffer) => {
      if (data.subarray(0, 16).toString().startsWith('{"type":"error"')) this.errorReplies++;
    });
    socket.on('open', () => {
      // 50 messages every 50 ms: about 1,000 a second, 50 times the allowed rate,
      // in one write each time (as a determined client would), which also keeps
      // this process's own cost, and so its competition with the run, small.
      const tcp = (socket as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
      this.timer = setInterval(() => {
        tcp.cork();
        for (let i = 0; i < 50 && socket.readyState === WebSocket.OPEN; i++) {
          // One oversized message now and then: the server closes that connection (1009).
          socket.send(this.sent % 4999 === 4998 ? OVERSIZE : FLOOD[this.sent % FLOOD.length]!);
          this.sent++;
        }
        tcp.uncork();
      }, 50);
    });
    socket.on('close', (code) => {
      this.closes[code] = (this.closes[code] ?? 0) + 1;
      if (this.timer) clearInterval(this.timer);
      setTimeout(() => this.connect(), 20);
    });
    socket.on('error', () => {});
  }

  stop(): void {
    this.active = false;
    if (this.timer) clearInterval(this.timer);
    this.socket?.terminate();
  }
}

let viewers: Viewer[] = [];
let flooders: Flooder[] = [];

process.on('message', async (m: Command) => {
  switch (m.cmd) {
    case 'connect': {
      viewers = [];
      for (let i = 0; i < m.viewers; i += 50) {
        viewers.push(...(await Promise.all(Array.from({ length: Math.min(50, m.viewers - i) }, () => viewer(m.url)))));
      }
      flooders = Array.from({ length: m.flooders }, () => new Flooder(m.url));
      send({ ev: 'connected' });
      break;
    }
    case 'report': {
      const inWindow = (v: Viewer) => [...v.generationMessages.keys()].filter((g) => g >= m.from && g < m.to).length;
      const complete = (v: Viewer) => {
        for (let g = m.from; g < m.to; g++) if (!v.seen.has(g)) return false;
        return true;
      };
      const closes: Record<string, number> = {};
      for (const f of flooders) for (const [code, n] of Object.entries(f.closes)) closes[code] = (closes[code] ?? 0) + n;
      send({
        ev: 'report',
        viewers: {
          viewers: viewers.length,
          complete: viewers.filter(complete).length,
          minGenerationMessages: Math.min(...viewers.map(inWindow)),
          laggedNotices: viewers.reduce((a, v) => a + v.lagged, 0),
          dropped: viewers.filter((v) => v.dropped).length,
          invalid: viewers.reduce((a, v) => a + v.invalid, 0),
        },
        flood: {
          sent: flooders.reduce((a, f) => a + f.sent, 0),
          errorReplies: flooders.reduce((a, f) => a + f.errorReplies, 0),
          closes,
          connections: flooders.reduce((a, f) => a + f.connections, 0),
        },
      });
      break;
    }
    case 'disconnect': {
      for (const f of flooders) f.stop();
      for (const v of viewers) v.socket.terminate();
      flooders = [];
      viewers = [];
      send({ ev: 'disconnected' });
      break;
    }
  }
});
process.on('disconnect', () => process.exit(0));
