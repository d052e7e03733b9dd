/**
 * Where the viewer's messages come from: the run's WebSocket (connection.ts)
 * by default, or whatever an entry installs before main.ts runs (the
 * zero-install page runs the whole run in a Web Worker, viewer/src/web/).
 * Either way the store takes the stream protocol's server messages.
 */
import type { ClientMessage, ServerMessage } from '../../core/stream/protocol.ts';

export interface SourceEvents {
  message(m: ServerMessage): void;
  down(): void;
  refused(): void;
}

export interface Source {
  send(message: ClientMessage): void;
}

export type OpenSource = (on: SourceEvents) => Source;

let installed: OpenSource | null = null;

/** Call before main.ts is evaluated (an earlier import of the entry). */
export function installSource(open: OpenSource): void {
  installed = open;
}

export function openSource(on: SourceEvents, socket: OpenSource): Source {
  return (installed ?? socket)(on);
}
