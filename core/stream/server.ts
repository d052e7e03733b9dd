/**
 * One HTTP server per process: the built viewer at `/` and the stream at
 * `/ws` (package `ws`). Every upgrade is checked (host, origin, token, client
 * count) before it is accepted; accepted sockets go to the hub. Client frames
 * above `maxPayload` close that connection (code 1009) before they are parsed.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { UserError } from '../basics/errors.ts';
import { checkHost, checkUpgrade, type AccessPolicy } from './access.ts';
import type { StreamHub } from './hub.ts';
import { STREAM_PATH } from './protocol.ts';
import type { RunsFolder } from './runs-dir.ts';
import { RUN_PARAM, RUNS_API_PATH } from './runs-protocol.ts';

/** Where `npm run build:viewer` puts the viewer; REDQUEEN_VIEWER_DIR serves another build (tests build their own). */
export const VIEWER_DIST = process.env.REDQUEEN_VIEWER_DIR ?? fileURLToPath(new URL('../../viewer/dist/', import.meta.url));

export interface ServerLimits {
  /** Largest client frame, in bytes; commands are tiny. */
  readonly maxPayload: number;
  /** Viewers at once; more are refused with 503. */
  readonly maxClients: number;
  /** Ping interval; a viewer that misses a pong is dropped. */
  readonly heartbeatMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { maxPayload: 4096, maxClients: 1000, heartbeatMs: 30_000 };

export interface StreamServerOptions {
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly access: AccessPolicy;
  /** The one run's hub; absent when serving a folder of runs (`runs`). */
  readonly hub?: StreamHub;
  /**
   * A folder of runs: `/` is the overview page, `GET /api/runs` its data, and
   * `/ws?run=NAME` the stream of one run (the viewer at `/index.html?run=NAME`).
   */
  readonly runs?: RunsFolder;
  /** Built viewer folder; default viewer/dist. */
  readonly viewerDir?: string;
  readonly limits?: Partial<ServerLimits>;
}

export interface StreamServer {
  readonly port: number;
  /** http://host:port/ (a browser-friendly host for wildcard binds). */
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The page URL may carry a token: never leak it to another site.
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Red Queen</title>
<p>The viewer is not built. Run <code>npm run build:viewer</code> and reload; the stream itself is at <code>${STREAM_PATH}</code>.</p>`;

function refuse(socket: Duplex, status: number, reason: string): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${reason}\n`);
  socket.destroy();
}

/** The overview's page, a second entry of the viewer build (viewer/overview.html). */
const OVERVIEW_PAGE = 'overview.html';

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, index = 'index.html'): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400, SECURITY_HEADERS).end('bad path\n');
    return;
  }
  if (path.includes('\0')) {
    res.writeHead(400, SECURITY_HEADERS).end('bad path\n');
    return;
  }
  const base = resolve(root);
  let file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(404, SECURITY_HEADERS).end('not found\n');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, file === base ? index : 'index.html');
  if (!existsSync(file)) {
    if (path === '/' || path === '/index.html' || path === `/${OVERVIEW_PAGE}`) {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS }).end(NOT_BUILT);
    } else {
      res.writeHead(404, SECURITY_HEADERS).end('not found\n');
    }
    return;
  }
  const hashed = path.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** GET /api/runs: the overview's data, behind the same token as the stream (it is the runs' data). */
function serveOverview(runs: RunsFolder, req: IncomingMessage, res: ServerResponse, access: AccessPolicy): void {
  const verdict = checkUpgrade(req, access);
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS };
  if (!verdict.ok) {
    res.writeHead(verdict.status, headers).end(JSON.stringify({ error: verdict.reason }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
    return;
  }
  runs.overview().then(
    (overview) => res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : JSON.stringify(overview)),
    (e: unknown) => res.writeHead(500, headers).end(JSON.stringify({ error: (e as Error).message })),
  );
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  if (e.code === 'EADDRINUSE') return new UserError(`--port ${port}: ${host}:${port} is already in use; choose another --port`);
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
    return new UserError(`--host ${host}: not an address of this machine; use 127.0.0.1 or one of its interfaces`);
  }
  if (e.code === 'EACCES') return new UserError(`--port ${port}: not allowed to listen there; use a port above 1023`);
  return e;
}

export async function startStreamServer(opts: StreamServerOptions): Promise<StreamServer> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...opts.limits };
  const root = opts.viewerDir ?? VIEWER_DIST;
  const { hub, access } = opts;

  const http = createServer((req, res) => {
    const host = checkHost(req, access);
    if (!host.ok) {
      res.writeHead(host.status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(`${host.reason}\n`);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (opts.runs && path === RUNS_API_PATH) {
      serveOverview(opts.runs, req, res, access);
      return;
    }
    serveStatic(root, req, res, opts.runs ? OVERVIEW_PAGE : 'index.html');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== STREAM_PATH) return refuse(socket, 404, `the stream is at ${STREAM_PATH}`);
    const verdict = checkUpgrade(req, access);
    if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
    if (wss.clients.size >= limits.maxClients) return refuse(socket, 503, `too many viewers (at most ${limits.maxClients})`);
    hubFor(new URL(req.url ?? '/', 'http://x').searchParams.get(RUN_PARAM)).then(
      (target) => {
        if (typeof target === 'string') return refuse(socket, 404, target);
        wss.handleUpgrade(req, socket, head, (ws) => {
          alive.set(ws, true);
          ws.on('pong', () => alive.set(ws, true));
          target.attach(ws, { control: verdict.control });
        });
      },
      (e: unknown) => refuse(socket, 503, `that run cannot be replayed now (${(e as Error).message}); reload the page`),
    );
  });

  /** The hub a stream connects to, or why there is none. */
  async function hubFor(run: string | null): Promise<StreamHub | string> {
    if (opts.runs && run !== null) return (await opts.runs.hub(run)) ?? `no run named "${run}" in ${opts.runs.dir}`;
    if (hub) return hub;
    return `this server shows a folder of runs: open one run's stream at ${STREAM_PATH}?${RUN_PARAM}=NAME`;
  }

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolvePromise, reject) => {
    const onError = (e: NodeJS.ErrnoException) => reject(listenError(e, opts.host, opts.port));
    http.once('error', onError);
    http.listen(opts.port, opts.host, () => {
      http.off('error', onError);
      resolvePromise();
    });
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  return {
    port,
    url: `http://${shown}:${port}/`,
    close: async () => {
      clearInterval(heartbeat);
      hub?.closeAll();
      opts.runs?.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
