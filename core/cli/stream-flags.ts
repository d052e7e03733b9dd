/**
 * --port, --host, --token and --speed: stream a run (or a replay) to browser
 * viewers. Validated before anything is written; the server is listening
 * before the run directory is created, so a busy port costs nothing.
 */
import type { Command } from 'commander';
import type { AccessPolicy } from '../stream/access.ts';
import { UserError } from '../basics/errors.ts';
import type { RunHooks } from '../run/loop.ts';
import { startLiveStream } from '../stream/live.ts';
import { intFlag } from '../basics/flags.ts';

export const DEFAULT_HOST = '127.0.0.1';

export interface StreamFlags {
  readonly port?: string;
  readonly host?: string;
  readonly token?: string;
  readonly speed?: string;
  /** --allowed-host, repeatable. */
  readonly allowedHost?: readonly string[];
}

export interface StreamSettings {
  readonly port: number;
  readonly host: string;
  readonly token: string | undefined;
  /** Generations per second; 0 = unlimited. */
  readonly speed: number;
  /** Host names accepted besides the defaults (see accessPolicy). */
  readonly allowedHosts: readonly string[];
}

const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

export function addStreamOptions(command: Command, opts: { speed: boolean; portHelp: string }): Command {
  command
    .option('--port <p>', opts.portHelp)
    .option('--host <h>', `address to listen on (default ${DEFAULT_HOST}; anything else needs this flag and puts controls behind a token)`)
    .option('--token <t>', 'require this token to view and control (8+ characters: letters, digits, . _ ~ -)')
    .option('--allowed-host <name>', 'also accept this Host name (repeatable; default: the bind address, this machine\'s name and addresses)', collect);
  if (opts.speed) command.option('--speed <gps>', 'initial pace in generations per second for viewers (0 = as fast as it goes)');
  return command;
}

/** Validate the stream flags; null when no --port was given. */
export function streamSettings(flags: StreamFlags, defaultPort?: number): StreamSettings | null {
  const port = intFlag('port', flags.port, 0, 65_535) ?? defaultPort;
  if (port === undefined) {
    for (const f of ['host', 'token', 'speed'] as const) {
      if (flags[f] !== undefined) throw new UserError(`--${f} needs --port P (the port to serve the viewer on)`);
    }
    if (flags.allowedHost !== undefined) throw new UserError('--allowed-host needs --port P (the port to serve the viewer on)');
    return null;
  }
  const host = flags.host ?? DEFAULT_HOST;
  if (host.trim() === '' || /[\s/]/.test(host)) throw new UserError(`--host must be an address or host name, got "${host}"`);
  if (flags.token !== undefined && !/^[A-Za-z0-9._~-]{8,256}$/.test(flags.token)) {
    throw new UserError('--token must be 8 to 256 characters of letters, digits and . _ ~ - (it goes into the URL)');
  }
  let speed = 0;
  if (flags.speed !== undefined) {
    speed = Number(flags.speed);
    if (flags.speed.trim() === '' || !Number.isFinite(speed) || speed < 0 || speed > 1000) {
      throw new UserError(`--speed must be a number of generations per second from 0 (unlimited) to 1000, got "${flags.speed}"`);
    }
  }
  const allowedHosts = (flags.allowedHost ?? []).map((h) => h.toLowerCase());
  for (const h of allowedHosts) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]{1,253})$/.test(h)) {
      throw new UserError(`--allowed-host must be a host name or address as browsers send it (no port), got "${h.slice(0, 64)}"`);
    }
  }
  return { port, host, token: flags.token, speed, allowedHosts };
}

/** The lines telling the user where to look (and with which token). */
export function announce(url: string, access: AccessPolicy, controls = true): string[] {
  const tokenUrl = (t: string) => `${url}?token=${encodeURIComponent(t)}`;
  if (access.viewToken !== null) return [`viewer: ${tokenUrl(access.viewToken)}`];
  if (access.controlToken !== null && controls) {
    return [`viewer (watch only): ${url}`, `viewer with controls: ${tokenUrl(access.controlToken)}  (keep this token private)`];
  }
  return [`viewer: ${url}`];
}

/**
 * Play a run with a live stream attached when --port is given: start the
 * server, hand the run its hooks, and close the server when the run ends.
 */
export async function withLiveStream(flags: StreamFlags, play: (hooks?: RunHooks) => Promise<number>): Promise<number> {
  const settings = streamSettings(flags);
  if (!settings) return play();
  const live = await startLiveStream({
    host: settings.host,
    port: settings.port,
    token: settings.token,
    allowedHosts: settings.allowedHosts,
    gate: { paused: false, speed: settings.speed },
  });
  for (const line of announce(live.server.url, live.access)) process.stderr.write(`redqueen: ${line}\n`);
  let code = 1;
  try {
    code = await play(live.hooks);
    return code;
  } finally {
    await live.close(code === 0 ? 'finished' : 'stopped');
  }
}
