/**
 * `npm run bench -- [--quick] [--json] [--domain NAME]... [--backend B]...
 *   [--sizes 64,256] [--out FILE] [--plot FILE.svg]`
 *
 * For every domain, every backend that works here, every kernel (the
 * domain's default for the backend and each variant) and population sizes
 * 64..2048 (a configuration stops growing once a batch takes over 3 s):
 * interaction throughput as a median of several runs with min/max, paired
 * with the plain-TS reference timed in the same run (speedupVsReference) and
 * checked against it; webasm with one thread against its worker pool;
 * sampled opponents against the round robin; what a kernel call costs beyond
 * its interactions (the most batching uploads could save); and time per
 * generation split into evaluation, metrics, variation and streaming, against
 * the reference. Memory (RSS and heap, before and peak) for each.
 * --json prints the result on stdout (progress goes to stderr); --out writes
 * it to a file; --plot draws throughput against population size (SVG + PNG).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openBackend } from '../core/backends/backend.ts';
import { BACKENDS, type BackendName } from '../core/domain/backend-names.ts';
import { loadModule } from '../core/backends/wasm/loader.ts';
import { buildBaselines } from './c-baseline.ts';
import type { DomainInstance } from '../core/domain/domain.ts';
import { DOMAINS } from '../populations/index.ts';
import { measureGeneration, type GenerationRecord } from './generation.ts';
import { caseKernel, measureInteractions, type Case, type InteractionRecord } from './interactions.ts';
import { load, machine } from './machine.ts';
import { measureCallOverhead, type CallOverheadRecord } from './overhead.ts';
import { writePlot } from './plot.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    domain: { type: 'string', multiple: true },
    backend: { type: 'string', multiple: true },
    sizes: { type: 'string' },
    out: { type: 'string' },
    plot: { type: 'string' },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A repeatable flag that also takes a comma list; an unknown name stops the bench before anything is measured. */
function namesFlag<T extends string>(flag: string, given: string[] | undefined, known: readonly T[]): T[] | undefined {
  if (!given) return undefined;
  const names = given.flatMap((g) => g.split(',')).map((g) => g.trim()).filter((g) => g !== '');
  for (const n of names) {
    if (!(known as readonly string[]).includes(n)) {
      log(`--${flag}: unknown "${n}"; use one of ${known.join(', ')} (repeat the flag or give a comma list)`);
      process.exit(2);
    }
  }
  return names as T[];
}
const wantedDomains = namesFlag('domain', values.domain, DOMAINS.map((d) => d.name));
const wantedBackends = namesFlag('backend', values.backend, BACKENDS);
const sizes = values.sizes
  ? values.sizes.split(',').map(Number)
  : values.quick
    ? [64, 256]
    : [64, 128, 256, 512, 1024, 2048];
const runs = values.quick ? 3 : 5;
/** Doubling the population quadruples a round robin: past this many seconds per batch, stop growing. */
const SLOW_BATCH_SECONDS = 3;

export interface BenchResult {
  readonly date: string;
  readonly command: string;
  /** 1/5/15-minute load averages when the run started and ended. */
  readonly load: { readonly before: number[]; readonly after: number[] };
  readonly machine: Record<string, string | number | boolean>;
  /** The C compiler and flags of the baselines (absent without a compiler). */
  readonly cBaseline?: string;
  readonly records: InteractionRecord[];
  readonly overhead: CallOverheadRecord[];
  readonly generations: GenerationRecord[];
}

async function workingBackends(): Promise<BackendName[]> {
  const wanted: BackendName[] = wantedBackends ?? [...BACKENDS];
  const ok: BackendName[] = [];
  for (const b of wanted) {
    try {
      if (b === 'wasm') for (const d of DOMAINS) loadModule(d.name);
      else await (await openBackend(b)).destroy();
      ok.push(b);
    } catch (e) {
      log(`skip ${b}: ${(e as Error).message}`);
    }
  }
  return ok;
}

const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(1));
const ms = (s: number) => `${(s * 1000).toFixed(1)}`;

function describe(r: InteractionRecord): string {
  return (
    `${r.domain} ${r.backend}${r.threads === 1 ? ' (1 thread)' : ''} [${r.kernel}] ${r.evaluation} P=${r.population}: ` +
    `${fmt(r.interactionsPerSec)} interactions/s (min ${fmt(r.interactionsPerSecMin)}, max ${fmt(r.interactionsPerSecMax)}), ` +
    `reference ${fmt(r.referencePerSec)}/s, x${r.speedupVsReference.toFixed(1)}` +
    (r.speedupVsC !== undefined ? `, C ${fmt(r.cBaselinePerSec!)}/s, x${r.speedupVsC.toFixed(3)} of C${r.cAgrees ? '' : ' *** C DISAGREES ***'}` : '') +
    (r.unit ? `, ${fmt(r.unitsPerSec!)} ${r.unit}/s` : '') +
    `, first call ${r.firstCallSeconds.toFixed(2)} s, RSS +${r.memory.rssDeltaMiB} MiB` +
    (r.agrees ? '' : '  *** DISAGREES WITH THE REFERENCE ***')
  );
}

/** The kernels worth timing on a backend: its default, and each variant that is not that same kernel. */
function variantsOn(domain: DomainInstance, backend: BackendName): string[] {
  if (backend === 'wasm') return domain.wasm ? ['default'] : []; // one wasm kernel a domain
  const own = caseKernel(domain, backend, 'default');
  return ['default', ...Object.keys(domain.kernelVariants ?? {}).filter((v) => domain.kernelVariants![v] !== own)];
}

async function sweep(c: Omit<Case, 'population'>, records: InteractionRecord[]): Promise<void> {
  for (const population of sizes) {
    const r = await measureInteractions({ ...c, population });
    records.push(r);
    log(describe(r));
    if (r.interactions / r.interactionsPerSec > SLOW_BATCH_SECONDS) break;
  }
}

async function main(): Promise<void> {
  const before = load();
  const backends = await workingBackends();
  const baselines = buildBaselines(log);
  if (baselines) log(`C baseline: ${baselines.compiler}, ${baselines.flags}`);
  const domains = DOMAINS.filter((d) => !wantedDomains || wantedDomains.includes(d.name));
  const records: InteractionRecord[] = [];
  const overhead: CallOverheadRecord[] = [];
  const generations: GenerationRecord[] = [];
  const mid = Math.min(256, Math.max(...sizes));
  for (const domain of domains) {
    const instance = domain.create(domain.options.parse({}));
    for (const backend of backends) {
      if (variantsOn(instance, backend).length === 0) continue;
      for (const variant of variantsOn(instance, backend)) await sweep({ domain: instance, backend, variant, threads: 'pool', runs, baselines }, records);
      if (backend === 'webasm' || backend === 'wasm') await sweep({ domain: instance, backend, variant: 'default', threads: 1, runs, baselines }, records);
      const o = await measureCallOverhead(instance, backend, mid, runs);
      overhead.push(o);
      log(
        `${o.domain} ${o.backend} P=${mid}: a call costs ${ms(o.callSeconds.median)} ms beyond its interactions, ${(o.overheadFraction * 100).toFixed(1)}% of a full batch (${ms(o.batchSeconds.median)} ms); ` +
          `a generation's games in one call ${ms(o.mergedCallSeconds.median)} ms, in two ${ms(o.twoCallsSeconds.median)} ms (x${o.mergeSpeedup.toFixed(2)})`,
      );
    }
    const mine = records.filter((r) => r.domain === domain.name && r.threads === 'pool' && r.variant === 'default' && r.population === mid);
    const fastest = mine.sort((a, b) => b.interactionsPerSec - a.interactionsPerSec)[0];
    if (!fastest) continue;
    const backend = fastest.backend as BackendName;
    // Sampled opponents (k each) against the round robin measured above, same size and backend.
    const sampled = await measureInteractions({ domain: instance, backend, variant: 'default', threads: 'pool', population: mid, sampled: 8, runs });
    records.push(sampled);
    log(describe(sampled));
    for (const population of values.quick ? [64] : [64, 256]) {
      const g = await measureGeneration(domain, backend, population, values.quick ? 3 : 10);
      generations.push(g);
      const p = g.parts;
      log(
        `${g.domain} ${g.backend} P=${population}: generation ${ms(p.total.median)} ms = evaluation ${ms(p.evaluation.median)}` +
          ` + metrics ${ms(p.metrics.median)} + variation ${ms(p.variation.median)} + streaming ${ms(p.streaming.median)}` +
          ` (frame ${g.frameChars} chars); reference ${ms(g.reference.total.median)} ms, x${g.speedupVsReference.toFixed(1)}`,
      );
    }
  }
  baselines?.cleanup();
  const result: BenchResult = {
    date: new Date().toISOString(),
    ...(baselines ? { cBaseline: `${baselines.compiler}, ${baselines.flags}` } : {}),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    load: { before, after: load() },
    machine: machine(),
    records,
    overhead,
    generations,
  };
  if (values.out) await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
  if (values.plot) log(`wrote ${(await writePlot(result, values.plot)).join(', ')}`);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
process.exit(0);
