/**
 * Who may watch and who may steer. The rules:
 * - The server binds 127.0.0.1 unless --host names another address.
 * - On a non-loopback address, pause/resume/step/speed need a control token,
 *   generated at start and printed (or the one given with --token).
 * - --token T: viewing needs T too (on any address), and T is the control token.
 * - Browsers must come from the server's own origin (Origin header checked on
 *   the WebSocket upgrade), and the Host header of every request and upgrade
 *   must be one of the allowed hosts, so a web page elsewhere cannot reach the
 *   stream through DNS rebinding (its requests carry its own name as Host).
 *   Allowed: the loopback names, the bind address, and on other addresses
 *   also this machine's host name, the addresses of its interfaces for a
 *   wildcard bind (an IP literal cannot be rebound) and --allowed-host names.
 * - A token that matches neither the view nor the control token is refused
 *   (401), not taken for no token.
 * Tokens come in the `token` query parameter (the viewer forwards its page's
 * ?token=) or an `Authorization: Bearer` header, and are compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { printable } from '../basics/excerpt.ts';

export interface AccessPolicy {
  /** Needed to open the stream at all; null = viewing is open. */
  readonly viewToken: string | null;
  /** Needed to send commands; null = every viewer may control. */
  readonly controlToken: string | null;
  /** Host header names accepted (lowercase, without port); null = any (embedding only: accessPolicy always lists them). */
  readonly allowedHosts: readonly string[] | null;
  /** Extra origins allowed besides the server's own (e.g. a Vite dev server). */
  readonly allowedOrigins: readonly string[];
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

const bracketed = (h: string) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h).toLowerCase();

/** The Host names a server bound to `host` answers by default (see the rules above). */
export function defaultAllowedHosts(host: string): string[] {
  const names = ['localhost', '127.0.0.1', '[::1]', bracketed(host)];
  if (!isLoopback(host)) {
    names.push(hostname().toLowerCase());
    if (host === '0.0.0.0' || host === '::' || host === '[::]') {
      for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.push(bracketed(a.address));
    }
  }
  return [...new Set(names)];
}

/** The policy for a server bound to `host`, given the user's --token and --allowed-host names (if any). */
export function accessPolicy(args: {
  host: string;
  token?: string | undefined;
  allowedOrigins?: readonly string[];
  allowedHosts?: readonly string[];
}): AccessPolicy {
  const loopback = isLoopback(args.host);
  const token = args.token ?? null;
  return {
    viewToken: token,
    controlToken: token ?? (loopback ? null : newToken()),
    allowedHosts: [...new Set([...defaultAllowedHosts(args.host), ...(args.allowedHosts ?? []).map(bracketed)])],
    allowedOrigins: args.allowedOrigins ?? [],
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return url.searchParams.get('token');
}

/** The Host header without its port, lowercase; null if absent or malformed. */
export function hostName(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host) return null;
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host.trim().toLowerCase());
  return m ? m[1]! : null;
}

export type Verdict = { ok: true; control: boolean } | { ok: false; status: number; reason: string };

/** Check a plain HTTP request's Host header (DNS rebinding). */
export function checkHost(req: IncomingMessage, policy: AccessPolicy): Verdict {
  if (!policy.allowedHosts) return { ok: true, control: false };
  const name = hostName(req);
  if (name === null || !policy.allowedHosts.includes(name)) {
    const shown = printable(req.headers.host ?? '', 64);
    return { ok: false, status: 403, reason: `host "${shown}" is not served here; open http://localhost or restart with --allowed-host NAME to serve that name` };
  }
  return { ok: true, control: false };
}

/** Check a WebSocket upgrade: host, origin, tokens. */
export function checkUpgrade(req: IncomingMessage, policy: AccessPolicy): Verdict {
  const host = checkHost(req, policy);
  if (!host.ok) return host;
  const url = new URL(req.url ?? '/', 'http://stream.invalid');
  const origin = req.headers.origin;
  // Browsers always send Origin on a WebSocket upgrade; tools (and tests) may not, and cannot be a cross-site page.
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    const own = originHost !== null && originHost === (req.headers.host ?? '').toLowerCase();
    if (!own && !policy.allowedOrigins.includes(origin)) {
      return { ok: false, status: 403, reason: `origin ${origin} may not open this stream` };
    }
  }
  const token = tokenOf(req, url);
  if (policy.viewToken !== null && (token === null || !sameSecret(token, policy.viewToken))) {
    return { ok: false, status: 401, reason: 'this stream needs its token: open the URL printed at start (?token=...)' };
  }
  const control = policy.controlToken === null || (token !== null && sameSecret(token, policy.controlToken));
  // A wrong token is a mistake or a guess: refuse it rather than admit a watch-only viewer.
  if (token !== null && !control && (policy.viewToken !== null || policy.controlToken !== null)) {
    return { ok: false, status: 401, reason: 'wrong token: open the URL printed at start, or leave the token out to watch only' };
  }
  return { ok: true, control };
}
