/**
 * Markdown tables from a benchmark result, so BENCHMARKS.md quotes the run
 * rather than hand-copied figures:
 *
 *   npm run bench:report -- RESULT.json [LOAD.json] > tables.md
 *
 * RESULT.json from `npm run bench -- --out`, LOAD.json from `npm run bench:load -- --out`.
 */
import { readFile } from 'node:fs/promises';
import type { BenchResult } from './bench.ts';
import type { InteractionRecord } from './interactions.ts';
import type { LoadResult } from './load/measure.ts';
import { mean } from './stats.ts';

const si = (x: number) => (x >= 1e9 ? `${(x / 1e9).toFixed(2)} G` : x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1));
const ms = (s: number) => (s * 1000).toFixed(1);
const x = (r: number) => `${r.toFixed(r < 10 ? 2 : 1)}x`;
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const isMain = (r: InteractionRecord) => r.threads === 'pool' && r.evaluation === 'round-robin';

/** The C baseline's rate and the kernel's ratio to it (both timed in the same run), or "n/a" where there is none. */
const vsC = (r: InteractionRecord): string[] =>
  r.speedupVsC === undefined ? ['n/a', 'n/a'] : [si(r.cBaselinePerSec!), `**${x(r.speedupVsC)}**${r.cAgrees ? '' : ' (C disagrees)'}`];

function throughput(records: InteractionRecord[]): string {
  const rows = records
    .filter((r) => isMain(r) && r.variant === 'default')
    .map((r) => [
      r.domain,
      String(r.population),
      `${r.backend} (${r.kernel})`,
      `${si(r.interactionsPerSec)} (${si(r.interactionsPerSecMin)}–${si(r.interactionsPerSecMax)})`,
      r.unit ? `${si(r.unitsPerSec!)} ${r.unit}` : '',
      si(r.referencePerSec),
      `**${x(r.speedupVsReference)}**`,
      ...vsC(r),
      `${r.memory.rssPeakMiB} (+${r.memory.rssDeltaMiB})`,
      r.agrees ? 'yes' : '**NO**',
    ]);
  return table(['domain', 'P', 'backend (kernel)', 'interactions/s median (min–max)', 'domain units/s', 'reference/s', 'speedup vs reference', 'C baseline/s', 'vs C', 'RSS peak MiB (+delta)', 'agrees'], rows);
}

function best(records: InteractionRecord[]): string {
  const byKey = new Map<string, InteractionRecord>();
  for (const r of records.filter((r) => isMain(r) && r.variant === 'default')) {
    const key = `${r.domain}|${r.population}`;
    if (!byKey.has(key) || byKey.get(key)!.speedupVsReference < r.speedupVsReference) byKey.set(key, r);
  }
  const rows = [...byKey.values()].map((r) => [r.domain, String(r.population), `${r.backend} (${r.kernel})`, `**${x(r.speedupVsReference)}**`, vsC(r)[1]!]);
  return table(['domain', 'P', 'best backend', 'speedup vs reference', 'vs C baseline'], rows);
}

function variants(records: InteractionRecord[]): string {
  const rows: string[][] = [];
  for (const r of records.filter(isMain)) {
    const own = records.find((d) => isMain(d) && d.variant === 'default' && d.domain === r.domain && d.backend === r.backend && d.population === r.population);
    if (!own) continue;
    rows.push([r.domain, r.backend, String(r.population), r.kernel + (r.variant === 'default' ? ' (default)' : ''), si(r.interactionsPerSec), x(r.speedupVsReference), x(r.speedupVsReference / own.speedupVsReference), r.firstCallSeconds.toFixed(2)]);
  }
  return table(['domain', 'backend', 'P', 'kernel', 'interactions/s', 'speedup vs reference', 'vs the default kernel*', 'first call s (compile)'], rows);
}

function threads(records: InteractionRecord[]): string {
  const rows = records
    .filter((r) => r.threads === 1)
    .flatMap((one) => {
      // The two sweeps stop growing independently: sizes measured only one way are left out.
      const pool = records.find((p) => isMain(p) && p.variant === 'default' && p.domain === one.domain && p.backend === one.backend && p.population === one.population);
      return pool
        ? [[one.domain, one.backend, String(one.population), si(one.interactionsPerSec), vsC(one)[1]!, si(pool.interactionsPerSec), vsC(pool)[1]!, x(pool.speedupVsReference / one.speedupVsReference)]]
        : [];
    });
  return table(['domain', 'backend', 'P', '1 thread /s', '1 thread vs C', 'all threads /s', 'all threads vs C', 'all threads vs 1 thread*'], rows);
}

function sampled(records: InteractionRecord[]): string {
  const rows = records
    .filter((r) => r.evaluation !== 'round-robin')
    .flatMap((s) => {
      const rr = records.find((p) => isMain(p) && p.variant === 'default' && p.domain === s.domain && p.backend === s.backend && p.population === s.population);
      const perCall = (r: InteractionRecord) => r.interactions / r.interactionsPerSec;
      return rr ? [[s.domain, `${s.backend} (${s.kernel})`, String(s.population), s.evaluation, si(s.interactionsPerSec), si(rr.interactionsPerSec), ms(perCall(s)), ms(perCall(rr))]] : [];
    });
  return table(['domain', 'backend', 'P', 'opponents', 'interactions/s', 'round robin /s', 'ms per batch', 'round robin ms per batch'], rows);
}

function overhead(result: BenchResult): string {
  const rows = result.overhead.map((o) => [
    o.domain,
    `${o.backend} (${o.kernel})`,
    String(o.population),
    ms(o.callSeconds.median),
    ms(o.batchSeconds.median),
    `${(o.overheadFraction * 100).toFixed(1)}%`,
    ms(o.twoCallsSeconds.median),
    ms(o.mergedCallSeconds.median),
    `**${x(o.mergeSpeedup)}**`,
  ]);
  return table(['domain', 'backend', 'P', 'ms per call, 1 opponent per row', 'ms per full round robin', 'overhead share', 'ms, generation as 2 calls', 'ms, as 1 merged call', 'merged vs 2 calls'], rows);
}

function generations(result: BenchResult): string {
  const rows = result.generations.map((g) => {
    const p = g.parts;
    return [g.domain, g.backend, String(g.population), `${ms(p.total.median)} (${ms(p.total.min)}–${ms(p.total.max)})`, ms(p.evaluation.median), ms(p.metrics.median), ms(p.variation.median), ms(p.streaming.median), ms(g.reference.total.median), `**${x(g.speedupVsReference)}**`, `${g.memory.rssPeakMiB} (+${g.memory.rssDeltaMiB})`];
  });
  return table(['domain', 'backend', 'P', 'ms per generation median (min–max)', 'evaluation', 'metrics', 'variation', 'streaming', 'reference ms', 'speedup', 'RSS peak MiB (+delta)'], rows);
}

export function report(result: BenchResult): string {
  const r = result.records;
  return [
    `Command: \`${result.command}\`, ${result.date}; load average (1/5/15 min) ${result.load.before.join(' / ')} at the start, ${result.load.after.join(' / ')} at the end.`,
    '',
    `Machine: ${Object.entries(result.machine).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    result.cBaseline
      ? `C baseline (benchmarks/c/, single thread): ${result.cBaseline}; "vs C" is the kernel's best batch against C's best on the same batch, one of each per run, back to back (interactions.ts says why the best).`
      : 'C baseline: not measured (no C compiler).',
    '',
    '### Best backend against the reference',
    best(r),
    '',
    '### Throughput (default kernel, worker pool, round robin)',
    throughput(r),
    '',
    '### Kernel variants',
    variants(r),
    '',
    '### Threads (webasm, wasm)',
    threads(r),
    '',
    '\\* Ratios of the speedups over the reference, each timed back to back with its own reference runs: the',
    'configurations ran minutes apart on a shared machine, and this cancels most of the load that changed between them.',
    '',
    '### Sampled opponents against the round robin',
    sampled(r),
    '',
    '### Cost of a kernel call beyond its interactions',
    overhead(result),
    '',
    '### Time per generation (both populations of size P, one viewer streaming)',
    generations(result),
    '',
  ].join('\n');
}

interface LoadFile extends LoadResult {
  readonly date: string;
  readonly command: string;
  readonly load: { readonly before: number[]; readonly after: number[] };
  readonly settings: Readonly<Record<string, string | boolean>>;
}

export function loadReport(r: LoadFile): string {
  const f = (xs: number[]) => xs.map((v) => v.toFixed(1)).join(', ');
  const windows = r.windows.map((w, i) => [
    String(i + 1),
    `${w.viewers.complete} / ${w.viewers.viewers}`,
    String(w.viewers.minGenerationMessages),
    String(w.viewers.laggedNotices),
    String(w.viewers.dropped),
    String(w.flood.sent),
    String(w.flood.errorReplies),
    Object.entries(w.flood.closes).map(([code, n]) => `${n} x ${code}`).join(', ') || 'none',
  ]);
  return [
    `Command: \`${r.command}\`, ${r.date}; load average ${r.load.before.join(' / ')} at the start, ${r.load.after.join(' / ')} at the end.`,
    '',
    table(
      ['', 'generations/s per window', 'mean', 'CPU ms of the run per generation'],
      [
        ['unloaded', f(r.unloaded), mean(r.unloaded).toFixed(1), f(r.unloadedCpuMs)],
        [`${r.settings.viewers} viewers + ${r.settings.flooders} flooders`, f(r.loaded), mean(r.loaded).toFixed(1), f(r.loadedCpuMs)],
      ],
    ),
    '',
    `**Ratio loaded / unloaded: ${r.ratio.toFixed(2)}** (per loaded window against the unloaded windows either side: ${r.cycleRatios.map((x) => x.toFixed(2)).join(', ')}); in CPU time of the run's process: ${r.cpuRatio.toFixed(2)}. Run state before ${JSON.stringify(r.gateBefore)}, after ${JSON.stringify(r.gateAfter)}.`,
    '',
    table(['loaded window', 'viewers that saw every generation', 'fewest generation messages', 'lagged notices', 'viewers dropped', 'flood messages sent', 'error replies', 'flooders closed'], windows),
    '',
  ].join('\n');
}

const [input, loadInput] = process.argv.slice(2);
if (input) process.stdout.write(report(JSON.parse(await readFile(input, 'utf8')) as BenchResult));
if (loadInput) process.stdout.write(`\n### Load\n${loadReport(JSON.parse(await readFile(loadInput, 'utf8')) as LoadFile)}`);
