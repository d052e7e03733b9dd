/**
 * The run's Web Worker: opens a backend, plays a WebRunSession and tells the
 * page what the stream server would tell a viewer (hello, then batched
 * generation messages, state changes), so the viewer's store and panels take
 * it unchanged. Generations go out at most every BATCH_MS with the points of
 * those played since, as the hub batches them (core/stream/hub.ts).
 */
import '../zod-setup.ts';
import { PROTOCOL_VERSION, type Earlier, type RunStatus, type ServerMessage } from '../../../core/stream/protocol.ts';
import { detailOf, pointFromMetrics, round } from '../../../core/stream/frame.ts';
import type { CoevolutionState } from '../../../core/engine/state.ts';
import type { GenerationReport } from '../../../core/engine/step.ts';
import type { RunRecords } from '../../../core/measures/records.ts';
import { firstLine } from '../../../core/backends/backend-unavailable.ts';
import { writeTar } from './tar.ts';
import { helloRun, replayMessages } from './replay.ts';
import { runInfoOf } from '../../../core/stream/run-info.ts';
import { chooseBackend } from './backends.ts';
import { prepareWebRun, WebRunSession } from './session.ts';
import type { PageMessage, StartRequest, WorkerMessage } from './messages.ts';

const BATCH_MS = 100;

const post = (m: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
const server = (message: ServerMessage) => post({ type: 'server', message });

let session: WebRunSession | null = null;
let status: RunStatus = 'starting';

function sendState(): void {
  if (!session) return;
  server({ type: 'state', status, generation: session.state.generation, speed: session.gate.state().speed });
}

async function start(request: StartRequest): Promise<void> {
  session?.stop();
  session = null;
  const run = prepareWebRun(request);
  const { config: c } = run;
  const chosen = await chooseBackend(run.domain, request.backend, request.wasmUrls, {
    rows: c.solvers + c.hallOfFame.sample,
    cols: c.challengers,
    width: c.evaluation.mode === 'round-robin' ? c.challengers : c.evaluation.opponents,
  });
  post({ type: 'backend', backend: chosen.backend, attempts: chosen.attempts });
  const s = new WebRunSession(run, chosen.evaluator, chosen.attempts, request.speed);
  session = s;
  status = 'running';
  const { config, domain } = run;
  server({
    type: 'hello',
    protocol: PROTOCOL_VERSION,
    mode: 'live',
    run: helloRun(runInfoOf({ mode: 'live', config, backend: chosen.backend, view: domain.view, record: domain.record, probeReference: domain.probeReference?.bind(domain) })),
    generation: 0,
    control: true,
    state: { status, generation: 0, speed: request.speed },
  });
  s.gate.onChange((g) => {
    status = g.paused ? 'paused' : 'running';
    sendState();
  });

  let earlier: Earlier[] = [];
  let newest: { report: GenerationReport; state: CoevolutionState; records: RunRecords } | null = null;
  let lastPost = 0;
  // The rate over the last second or so of play: generations and games (pairs) per second.
  let rateFrom = { at: performance.now(), generation: 0, pairs: 0 };
  let pairs = 0;
  const started = performance.now();
  const flush = () => {
    // A run replaced by a newer one (or a replay) says nothing more.
    if (!newest || session !== s) return;
    const { report, state, records } = newest;
    server({ type: 'generation', point: pointFromMetrics(report.metrics), earlier, detail: detailOf(domain, report, state, undefined, records) });
    earlier = [];
    newest = null;
    lastPost = performance.now();
    const seconds = (lastPost - rateFrom.at) / 1000;
    if (seconds >= 0.5) {
      const generations = state.generation - rateFrom.generation;
      post({ type: 'rate', generationsPerSecond: generations / seconds, gamesPerSecond: (pairs - rateFrom.pairs) / seconds });
      rateFrom = { at: lastPost, generation: state.generation, pairs };
    }
  };
  await s.play({
    onGeneration(report, state, records, line) {
      pairs += report.games.pairs;
      const metrics = JSON.parse(line) as typeof report.metrics;
      const withRecords = { ...report, metrics };
      if (newest) {
        const c = newest.report.ciao;
        const ciao = c ? { generation: newest.report.generation, generations: [...c.generations], solver: c.solver.map(round), challenger: c.challenger.map(round) } : null;
        earlier.push({ point: pointFromMetrics(newest.report.metrics), ciao });
      }
      newest = { report: withRecords, state, records };
      if (performance.now() - lastPost >= BATCH_MS || s.gate.state().paused) flush();
    },
  });
  flush();
  const seconds = (performance.now() - started) / 1000;
  if (s.state.generation > 0 && session === s) post({ type: 'rate', generationsPerSecond: s.state.generation / seconds, gamesPerSecond: pairs / seconds });
  if (session === s) {
    status = s.state.generation >= config.generations && config.generations > 0 ? 'finished' : 'stopped';
    sendState();
  }
}

function download(): void {
  if (!session) {
    post({ type: 'error', message: 'no run to download yet: start one first' });
    return;
  }
  // The seed is any text: keep the folder name to what every file system and tar takes.
  const name = `${session.run.config.domain}-${session.run.config.seed}`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  const bytes = writeTar(session.directory().entries(name));
  post({ type: 'archive', name: `${name}.tar`, bytes }, [bytes.buffer]);
}

self.onmessage = (e: MessageEvent<PageMessage>) => {
  const m = e.data;
  switch (m.type) {
    case 'start':
      start(m).catch((err: unknown) => post({ type: 'error', message: firstLine(err) }));
      break;
    case 'control': {
      const gate = session?.gate;
      if (!gate) break;
      const c = m.message;
      if (c.type === 'pause') gate.pause();
      else if (c.type === 'resume') gate.resume();
      else if (c.type === 'step') gate.step(c.count ?? 1);
      else if (c.type === 'speed') gate.setSpeed(c.generationsPerSecond);
      // seek asks a replay for an earlier picture; a page's replay keeps none.
      break;
    }
    case 'download':
      download();
      break;
    case 'replay':
      try {
        session?.stop();
        session = null;
        for (const message of replayMessages(m.bytes)) server(message);
      } catch (err) {
        post({ type: 'error', message: firstLine(err) });
      }
      break;
    case 'stop':
      session?.stop();
      break;
  }
};
