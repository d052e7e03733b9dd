/**
 * Streaming a run from the process that plays it: the server, the hub and
 * the gate, wired to the run loop through its hooks. The hooks only copy
 * results into the hub and await the gate; a viewer can hold the run only
 * through the gate (pause), never through a slow socket.
 */
import type { DomainInstance } from '../domain/domain.ts';
import type { RunHooks } from '../run/loop.ts';
import { accessPolicy, type AccessPolicy } from './access.ts';
import { detailOf, pointFromMetrics } from './frame.ts';
import { RunGate, type GateState } from './gate.ts';
import { StreamHub, type HubLimits } from './hub.ts';
import { readRunHistory, runInfoOf } from './run-files.ts';
import { startStreamServer, type ServerLimits, type StreamServer } from './server.ts';

export interface LiveStreamOptions {
  readonly host: string;
  readonly port: number;
  readonly token?: string | undefined;
  /** Initial pace and pause state. */
  readonly gate?: GateState;
  readonly viewerDir?: string;
  readonly hubLimits?: Partial<HubLimits>;
  readonly serverLimits?: Partial<ServerLimits>;
  readonly allowedOrigins?: readonly string[];
  /** Host names accepted besides the defaults (--allowed-host). */
  readonly allowedHosts?: readonly string[];
  /** A ready-made policy instead of the one host and token imply (embedding, tests). */
  readonly access?: AccessPolicy;
}

export interface LiveStream {
  readonly server: StreamServer;
  readonly hub: StreamHub;
  readonly gate: RunGate;
  readonly access: AccessPolicy;
  /** Attach these to the run. */
  readonly hooks: RunHooks;
  /** Tell viewers the run ended, let them read it, and close the server. */
  close(status?: 'finished' | 'stopped'): Promise<void>;
}

export async function startLiveStream(opts: LiveStreamOptions): Promise<LiveStream> {
  const access = opts.access ?? accessPolicy({
      host: opts.host,
      token: opts.token,
      allowedOrigins: opts.allowedOrigins ?? [],
      allowedHosts: opts.allowedHosts ?? [],
    });
  const gate = new RunGate(opts.gate);
  const hub = new StreamHub(gate, opts.hubLimits);
  const server = await startStreamServer({
    host: opts.host,
    port: opts.port,
    access,
    hub,
    ...(opts.viewerDir ? { viewerDir: opts.viewerDir } : {}),
    ...(opts.serverLimits ? { limits: opts.serverLimits } : {}),
  });
  let domain: DomainInstance | null = null;
  let until = Number.POSITIVE_INFINITY;
  const hooks: RunHooks = {
    async onStart(session) {
      domain = session.domain;
      until = session.until;
      const info = runInfoOf({
        mode: 'live',
        config: session.config,
        backend: session.backend,
        view: session.domain.view,
        record: session.domain.record,
        probeReference: session.domain.probeReference?.bind(session.domain),
      });
      const from = session.state.generation;
      // A resumed run: its viewers see the generations before the resume too.
      const past = from > 0 ? await readRunHistory(session.dir) : null;
      hub.reset(
        info,
        (past?.points ?? [])
          .filter((p) => p.generation < from)
          .map((point) => ({ point, detail: past?.frames.get(point.generation) ?? null })),
      );
    },
    beforeGeneration: (generation, signal) => gate.wait(generation, signal),
    // A backend failover (and any later notice kind) reaches every viewer.
    onNotice: (notice) => hub.notice('warning', notice.message),
    onGeneration(report, state, records) {
      if (domain) hub.publish(pointFromMetrics(report.metrics), detailOf(domain, report, state, undefined, records));
      if (report.generation + 1 >= until) hub.finish('finished');
    },
  };
  return {
    server,
    hub,
    gate,
    access,
    hooks,
    async close(status) {
      if (status) {
        hub.finish(status);
        // Let viewers read the final state before the sockets close.
        await new Promise((r) => setTimeout(r, 250));
      }
      await server.close();
    },
  };
}
