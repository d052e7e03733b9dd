/**
 * What the page and the run's Web Worker (worker.ts) say to each other. The
 * run's own news travels as the stream protocol's server messages
 * (core/stream/protocol.ts), so the viewer's store takes them exactly as it
 * takes a socket's; the rest is what only the page has: which backend ran,
 * its rate, the run directory as an archive.
 */
import type { ConfigFile } from '../../../core/run/config.ts';
import type { ClientMessage, ServerMessage } from '../../../core/stream/protocol.ts';

/** The backends a page can run, best first; `auto` takes the first that starts and agrees with the reference. */
export const WEB_BACKENDS = ['webgl2', 'wasm', 'reference'] as const;
export type WebBackend = (typeof WEB_BACKENDS)[number];
export type WebBackendChoice = 'auto' | WebBackend;

export interface StartRequest {
  readonly type: 'start';
  /** The run's settings as a config file would give them (domain included). */
  readonly config: ConfigFile & { readonly domain: string };
  readonly backend: WebBackendChoice;
  /** Where the page serves each domain's kernel, build/wasm/<module>.wasm, by module name. */
  readonly wasmUrls: Readonly<Record<string, string>>;
  readonly speed: number;
}

export type PageMessage =
  | StartRequest
  | { readonly type: 'control'; readonly message: ClientMessage }
  | { readonly type: 'download' }
  /** A downloaded run directory (the .tar) to show from its files. */
  | { readonly type: 'replay'; readonly bytes: Uint8Array }
  | { readonly type: 'stop' };

export interface BackendAttemptInfo {
  readonly backend: WebBackend;
  readonly ok: boolean;
  readonly reason?: string;
  readonly detail?: string;
  /** auto: milliseconds for one batch of the run's shape. */
  readonly msPerBatch?: number;
}

export type WorkerMessage =
  | { readonly type: 'server'; readonly message: ServerMessage }
  | { readonly type: 'backend'; readonly backend: WebBackend; readonly attempts: readonly BackendAttemptInfo[] }
  | { readonly type: 'rate'; readonly generationsPerSecond: number; readonly gamesPerSecond: number }
  | { readonly type: 'archive'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly type: 'error'; readonly message: string };
