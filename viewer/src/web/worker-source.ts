/**
 * The page's side of the run's worker: a viewer Source (viewer/src/source.ts)
 * whose server messages come from worker.ts, plus what only this page asks
 * of it (start a run, download or replay a run directory) and hears from it
 * (the backend, the rate, an archive, an error).
 */
import type { ClientMessage } from '../../../core/stream/protocol.ts';
import type { Source, SourceEvents } from '../source.ts';
import type { PageMessage, StartRequest, WorkerMessage } from './messages.ts';

export type PageListener = (m: Exclude<WorkerMessage, { type: 'server' }>) => void;

export class WorkerSource implements Source {
  private readonly worker: Worker;
  private events: SourceEvents | null = null;
  private readonly listeners: PageListener[] = [];

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'redqueen-run' });
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'server') this.events?.message(m.message);
      else for (const l of this.listeners) l(m);
    };
    this.worker.onerror = (e) => {
      for (const l of this.listeners) l({ type: 'error', message: `the run's worker failed: ${e.message}` });
    };
  }

  attach(on: SourceEvents): this {
    this.events = on;
    return this;
  }

  listen(listener: PageListener): void {
    this.listeners.push(listener);
  }

  send(message: ClientMessage): void {
    this.post({ type: 'control', message });
  }

  start(request: Omit<StartRequest, 'type'>): void {
    this.post({ type: 'start', ...request });
  }

  download(): void {
    this.post({ type: 'download' });
  }

  replay(bytes: Uint8Array): void {
    this.post({ type: 'replay', bytes }, [bytes.buffer]);
  }

  private post(m: PageMessage, transfer: Transferable[] = []): void {
    this.worker.postMessage(m, transfer);
  }
}
