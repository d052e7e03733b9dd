/**
 * Who may watch and who may steer. The rules:
 * - The server binds 127.0.0.1 unless --host names another address.
 * - On a non-loopback address, pause/resume/step/speed need a control token,
 *   generated at start and printed (or the one given with --token).
 * - --token T: viewing needs T too (on any address), and T is the control token.
 * - Browsers must come from the server's own origin (Origin header checked on
 *   the WebSocket upgrade), and on loopback the Host header must name a
 *   loopback host, so a web page elsewhere cannot reach the stream through
 *   DNS rebinding.
 * Tokens come in the `token` query parameter (the viewer forwards its page's
 * ?token=) or an `Authorization: Bearer` header, and are compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export interface AccessPolicy {
  /** Needed to open the stream at all; null = viewing is open. */
  readonly viewToken: string | null;
  /** Needed to send commands; null = every viewer may control. */
  readonly controlToken: string | null;
  /** Host header names accepted (lowercase, without port); null = any. */
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

/** The policy for a server bound to `host`, given the user's --token (if any). */
export function accessPolicy(args: { host: string; token?: string | undefined; allowedOrigins?: readonly string[] }): AccessPolicy {
  const loopback = isLoopback(args.host);
  const token = args.token ?? null;
  return {
    viewToken: token,
    controlToken: token ?? (loopback ? null : newToken()),
    allowedHosts: loopback ? ['localhost', '127.0.0.1', '[::1]', args.host.toLowerCase()] : null,
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
    return { ok: false, status: 403, reason: `host "${req.headers.host ?? ''}" is not served here; open http://127.0.0.1 or http://localhost` };
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
  return { ok: true, control };
}
