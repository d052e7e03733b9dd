/**
 * `npm run bench -- [--quick] [--json] [--domain NAME]... [--backend B]...
 *   [--sizes 64,256] [--out FILE]`
 *
 * For every domain, every backend that works here (and every kernel variant
 * the domain keeps), and population sizes 64..1024: interaction throughput as
 * a median of several runs with min/max, always paired with the plain-TS
 * reference measured in the same run (speedupVsReference); then time per
 * generation split into evaluation, metrics and variation.
 * --json prints {"machine", "records", "generations"} on stdout.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BACKENDS, openBackend, type BackendName } from '../core/backend.ts';
import { DOMAINS } from '../populations/index.ts';
import { measureGeneration, type GenerationRecord } from './generation.ts';
import { measureInteractions, type Case, type InteractionRecord } from './interactions.ts';
import { machine } from './machine.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    domain: { type: 'string', multiple: true },
    backend: { type: 'string', multiple: true },
    sizes: { type: 'string' },
    out: { type: 'string' },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const sizes = values.sizes
  ? values.sizes.split(',').map(Number)
  : values.quick
    ? [64, 256]
    : [64, 128, 256, 512, 1024];
const runs = values.quick ? 3 : 5;
/** A configuration whose warm-up takes longer than this is not grown further. */
const SLOW_SECONDS = 20;

async function workingBackends(): Promise<BackendName[]> {
  const wanted = (values.backend as BackendName[] | undefined) ?? [...BACKENDS];
  const ok: BackendName[] = [];
  for (const b of wanted) {
    try {
      await (await openBackend(b)).destroy();
      ok.push(b);
    } catch (e) {
      log(`skip ${b}: ${(e as Error).message}`);
    }
  }
  return ok;
}

const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(1));

async function main(): Promise<void> {
  const backends = await workingBackends();
  const domains = DOMAINS.filter((d) => !values.domain || values.domain.includes(d.name));
  const records: InteractionRecord[] = [];
  const generations: GenerationRecord[] = [];
  for (const domain of domains) {
    const instance = domain.create(domain.options.parse({}));
    const variants = ['default', ...Object.keys(instance.kernelVariants ?? {})];
    const cases: Array<Omit<Case, 'population'>> = [];
    for (const backend of backends) {
      for (const variant of variants) cases.push({ domain: instance, backend, variant, threads: 'pool', runs });
      if (backend === 'webasm') cases.push({ domain: instance, backend, variant: 'default', threads: 1, runs });
    }
    for (const c of cases) {
      for (const population of sizes) {
        const started = performance.now();
        const r = await measureInteractions({ ...c, population });
        records.push(r);
        log(
          `${r.domain} ${r.backend}${r.threads === 1 ? ' (1 thread)' : ''} [${r.variant}] P=${population}: ` +
            `${fmt(r.interactionsPerSec)} interactions/s (min ${fmt(r.interactionsPerSecMin)}, max ${fmt(r.interactionsPerSecMax)}), ` +
            `reference ${fmt(r.referencePerSec)}/s, x${r.speedupVsReference.toFixed(1)}` +
            (r.unit ? `, ${fmt(r.unitsPerSec!)} ${r.unit}/s` : ''),
        );
        if ((performance.now() - started) / 1000 / (runs + 1) > SLOW_SECONDS) break;
      }
    }
    // Sampled opponents against the full round robin, at one size.
    const best = records.filter((r) => r.domain === domain.name && r.threads === 'pool' && r.variant === 'default');
    const fastest = best.sort((a, b) => b.interactionsPerSec - a.interactionsPerSec)[0];
    if (fastest) {
      const population = Math.min(256, Math.max(...sizes));
      const r = await measureInteractions({ domain: instance, backend: fastest.backend as BackendName, variant: 'default', threads: 'pool', population, sampled: 8, runs });
      records.push(r);
      log(`${r.domain} ${r.backend} ${r.evaluation} P=${population}: ${fmt(r.interactionsPerSec)} interactions/s, x${r.speedupVsReference.toFixed(1)}`);
      for (const population of values.quick ? [64] : [64, 256]) {
        const g = await measureGeneration(domain, {}, fastest.backend as BackendName, population, values.quick ? 3 : 5);
        generations.push(g);
        log(
          `${g.domain} ${g.backend} P=${population}: generation ${(g.total * 1000).toFixed(1)} ms = evaluation ${(g.evaluation * 1000).toFixed(1)}` +
            ` + metrics ${(g.metrics * 1000).toFixed(1)} + variation ${(g.variation * 1000).toFixed(1)}`,
        );
      }
    }
  }
  const result = { date: new Date().toISOString(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), machine: machine(), records, generations };
  if (values.out) await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
process.exit(0);
