/**
 * When a run's best-valid record reached each size: reads RUN_DIR's
 * metrics.jsonl (the record per generation) and timings.jsonl (wall seconds
 * per generation, start-up not included) and prints, for a sorting-network
 * run, the wall time and generation of the first valid network, of the first
 * at or below each --sizes target, and of the best.
 *
 *   npx tsx benchmarks/record-times.ts RUN_DIR [--sizes 61,60]
 *
 * Prints JSON: {"run", "generations", "seconds", "firstValid": {"generation",
 * "seconds", "comparators"} | null, "reached": {"61": {...} | null, ...},
 * "best": {...} | null}.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Reached {
  readonly generation: number;
  readonly seconds: number;
  readonly comparators: number;
}

interface MetricsLine {
  readonly generation: number;
  readonly records?: { readonly valid: { readonly comparators: number } | null } | null;
}

const lines = (text: string): unknown[] => text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);

export function recordTimes(metrics: readonly MetricsLine[], seconds: ReadonlyMap<number, number>, sizes: readonly number[]) {
  let elapsed = 0;
  let firstValid: Reached | null = null;
  let best: Reached | null = null;
  const reached: Record<string, Reached | null> = Object.fromEntries(sizes.map((s) => [String(s), null]));
  for (const m of metrics) {
    elapsed += seconds.get(m.generation) ?? 0;
    const size = m.records?.valid?.comparators;
    if (size === undefined) continue;
    const at = { generation: m.generation, seconds: Math.round(elapsed * 10) / 10, comparators: size };
    firstValid ??= at;
    if (!best || size < best.comparators) best = at;
    for (const s of sizes) if (size <= s) reached[String(s)] ??= at;
  }
  return { generations: metrics.length, seconds: Math.round(elapsed * 10) / 10, firstValid, reached, best };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { sizes: { type: 'string', default: '61,60' } } });
  const dir = positionals[0];
  const sizes = values.sizes!.split(',').map(Number);
  if (!dir || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    console.error('usage: npx tsx benchmarks/record-times.ts RUN_DIR [--sizes 61,60] (sizes: positive integers, comma-separated)');
    process.exit(2);
  }
  const metrics = lines(await readFile(join(dir, 'metrics.jsonl'), 'utf8')) as MetricsLine[];
  const timings = lines(await readFile(join(dir, 'timings.jsonl'), 'utf8')) as Array<{ generation: number; seconds: number }>;
  console.log(JSON.stringify({ run: dir, ...recordTimes(metrics, new Map(timings.map((t) => [t.generation, t.seconds])), sizes) }));
}
