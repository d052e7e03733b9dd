/**
 * A downloaded run directory (the page's .tar) shown again from its files:
 * run.json says what ran, metrics.jsonl gives every chart point, as
 * `redqueen serve` replays a directory (core/stream/replay.ts) without its
 * pictures (frames.jsonl is not part of the archive).
 */
import { parseConfigFile, resolveConfig } from '../../../core/run/config.ts';
import { UserError } from '../../../core/basics/errors.ts';
import { pointFromMetrics } from '../../../core/stream/frame.ts';
import { PROTOCOL_VERSION, type Hello, type Point, type ServerMessage } from '../../../core/stream/protocol.ts';
import type { GenerationMetrics } from '../../../core/engine/metrics.ts';
import type { RecordsRow } from '../../../core/measures/records.ts';
import { findDomain } from '../../../populations/index.ts';
import { readTar } from './tar.ts';
import { runInfoOf } from '../../../core/stream/run-info.ts';

/** The hello's `run`: the run info without its mode (which the hello carries itself). */
export function helloRun(info: ReturnType<typeof runInfoOf>): Hello['run'] {
  const { mode: _mode, ...run } = info;
  return run;
}

function fileOf(entries: ReturnType<typeof readTar>, name: string): string {
  const e = entries.find((x) => x.name === name || x.name.endsWith(`/${name}`));
  if (!e) throw new UserError(`the archive holds no ${name}; load a .tar the page downloaded (or one of a run directory)`);
  return new TextDecoder().decode(e.bytes);
}

/** The messages a viewer needs to show the archived run: hello, history, state. */
export function replayMessages(bytes: Uint8Array): ServerMessage[] {
  const entries = readTar(bytes);
  let run: { config?: unknown; backend?: unknown };
  try {
    run = JSON.parse(fileOf(entries, 'run.json')) as typeof run;
  } catch (e) {
    throw e instanceof UserError ? e : new UserError('run.json in the archive is not JSON');
  }
  const stored = parseConfigFile(run.config, 'run.json (config)');
  const found = findDomain(stored.domain ?? '');
  if (!found) throw new UserError(`run.json: unknown domain "${stored.domain}"`);
  const { config, instance } = resolveConfig(found, [{ source: 'run.json', config: stored }]);
  const points: Point[] = [];
  // Complete lines in generation order, as analyze reads them; a torn last line is left out.
  for (const line of fileOf(entries, 'metrics.jsonl').split('\n').slice(0, -1)) {
    const m = JSON.parse(line) as GenerationMetrics & { records?: RecordsRow };
    if (m.generation !== points.length) break;
    points.push(pointFromMetrics(m));
  }
  const total = points.length;
  return [
    {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      mode: 'replay',
      run: helloRun(runInfoOf({ mode: 'replay', config, backend: typeof run.backend === 'string' ? run.backend : 'unknown', view: instance.view, record: instance.record, probeReference: instance.probeReference?.bind(instance) })),
      generation: total,
      control: false,
      state: { status: 'replay', generation: total, speed: 0 },
    },
    { type: 'history', total, stride: 1, points, ciao: [], events: points.flatMap((p) => p.events) },
  ];
}
