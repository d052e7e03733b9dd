/**
 * Time per generation of the whole engine, split into evaluation, metrics,
 * variation (the step's own timings) and streaming: building the viewer's
 * frame and handing it to a live stream server with one loopback viewer,
 * exactly what a run with --port does after each generation. The same
 * generations are played with the plain-TS reference evaluator for pairing.
 */
import WebSocket from 'ws';
import { resolveConfig } from '../core/run/config.ts';
import type { Domain } from '../core/domain/domain.ts';
import { kernelEvaluator, referenceEvaluator, type Evaluator } from '../core/backends/evaluator.ts';
import type { BackendName } from '../core/domain/backend-names.ts';
import { initialState } from '../core/engine/state.ts';
import { step } from '../core/engine/step.ts';
import { startLiveStream } from '../core/stream/live.ts';
import { MemoryProbe, type MemoryRecord } from './memory.ts';
import { spread, type Spread } from './stats.ts';

export interface GenerationParts {
  readonly evaluation: Spread;
  readonly metrics: Spread;
  readonly variation: Spread;
  readonly streaming: Spread;
  /** Per generation, the sum of the four. */
  readonly total: Spread;
}

export interface GenerationRecord {
  readonly domain: string;
  readonly backend: string;
  readonly population: number;
  readonly generations: number;
  /** Seconds per generation, median with min and max. */
  readonly parts: GenerationParts;
  readonly reference: GenerationParts;
  /** Reference total / kernel total (medians). */
  readonly speedupVsReference: number;
  /** Characters of one generation message as streamed. */
  readonly frameChars: number;
  readonly memory: MemoryRecord;
}

type Resolved = ReturnType<typeof resolveConfig>;

async function play({ config, instance }: Resolved, evaluator: Evaluator, generations: number, memory?: MemoryProbe) {
  const live = await startLiveStream({ host: '127.0.0.1', port: 0, gate: { paused: false, speed: 0 } });
  const viewer = new WebSocket(`ws://127.0.0.1:${live.server.port}/ws`);
  let frameChars = 0;
  viewer.on('message', (data: Buffer) => {
    if (data.subarray(0, 20).toString().includes('"generation"')) frameChars = data.length;
  });
  await new Promise((resolve, reject) => viewer.once('open', resolve).once('error', reject));
  const parts = { evaluation: [] as number[], metrics: [] as number[], variation: [] as number[], streaming: [] as number[] };
  try {
    let state = initialState(instance, config);
    await live.hooks.onStart!({ dir: '', config, domain: instance, backend: evaluator.backend, state, until: Infinity });
    // Untimed generations until the Hall of Fame sample is full: until then
    // each generation brings a new batch shape, and so a kernel compile.
    for (let g = 0; g <= config.hallOfFame.sample; g++) state = (await step(state, { domain: instance, config, evaluator })).state;
    for (let g = 0; g < generations; g++) {
      const { state: next, report } = await step(state, { domain: instance, config, evaluator });
      state = next;
      const t = performance.now();
      live.hooks.onGeneration!(report, state);
      parts.streaming.push((performance.now() - t) / 1000);
      parts.evaluation.push(report.timings.evaluation / 1000);
      parts.metrics.push(report.timings.metrics / 1000);
      parts.variation.push(report.timings.variation / 1000);
      memory?.sample();
      // Let the viewer's socket drain, as the gaps between generations of a real run do.
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    viewer.close();
    await live.close();
  }
  const total = parts.evaluation.map((e, i) => e + parts.metrics[i]! + parts.variation[i]! + parts.streaming[i]!);
  const summary: GenerationParts = {
    evaluation: spread(parts.evaluation),
    metrics: spread(parts.metrics),
    variation: spread(parts.variation),
    streaming: spread(parts.streaming),
    total: spread(total),
  };
  return { summary, frameChars };
}

export async function measureGeneration(
  domain: Domain,
  backend: BackendName,
  population: number,
  generations: number,
): Promise<GenerationRecord> {
  const resolved = resolveConfig(domain, [
    { source: 'bench', config: { solvers: population, challengers: population, seed: 'bench' } },
  ]);
  const memory = new MemoryProbe();
  const evaluator = await kernelEvaluator(resolved.instance, backend);
  let run;
  try {
    run = await play(resolved, evaluator, generations, memory);
  } finally {
    await evaluator.destroy();
  }
  const ref = await play(resolved, referenceEvaluator(resolved.instance), generations);
  return {
    domain: domain.name,
    backend,
    population,
    generations,
    parts: run.summary,
    reference: ref.summary,
    speedupVsReference: ref.summary.total.median / run.summary.total.median,
    frameChars: run.frameChars,
    memory: memory.result(),
  };
}
