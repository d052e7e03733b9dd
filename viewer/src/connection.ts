/**
 * The WebSocket to the run, reconnecting with backoff when the server goes
 * away (a restarted run, a resumed one) so a viewer tab can stay open across
 * sessions. Every incoming frame is validated by the shared protocol schema.
 */
import { STREAM_PATH, parseServerMessage, type ClientMessage, type ServerMessage } from '../../core/stream/protocol.ts';
import { RUN_PARAM } from '../../core/stream/runs-protocol.ts';

export interface Connection {
  send(message: ClientMessage): void;
}

export function streamUrl(token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const base = new URL(`${scheme}://${location.host}${STREAM_PATH}`);
  if (token) base.searchParams.set('token', token);
  // One run of a folder served by `redqueen serve RUNS_DIR` (the overview links to ?run=NAME).
  const run = new URL(location.href).searchParams.get(RUN_PARAM);
  if (run !== null) base.searchParams.set(RUN_PARAM, run);
  return base.toString();
}

export function connect(
  url: string,
  on: { message(m: ServerMessage): void; down(): void; refused(): void },
): Connection {
  let socket: WebSocket | null = null;
  let delay = 250;
  let opened = false;
  const open = () => {
    const ws = new WebSocket(url);
    socket = ws;
    opened = false;
    ws.onopen = () => {
      opened = true;
      delay = 250;
    };
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      const m = parseServerMessage(e.data);
      if (m) on.message(m);
    };
    ws.onclose = (e) => {
      socket = null;
      // 1008 = policy (flood); a refused upgrade never opens: a token problem more often than not.
      if (!opened && e.code === 1006 && delay >= 4000) on.refused();
      on.down();
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  open();
  return {
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
  };
}
