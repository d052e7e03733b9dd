/**
 * Smallest valid sorting networks the search reaches in a fixed wall-clock
 * budget, for n = 8..16, against the best known sizes. For each n and seed a
 * run is played in process (the setup of examples/hillis-16.json: grid
 * selection, pruning, completion and the climb; the hypercube prefix where n
 * is a power of two, its first layer otherwise; see setupFor) for --seconds
 * of wall time; every generation's champion that is valid and smaller than
 * the best so far is recorded with the time it was reached. The best network
 * of each run is checked again, independently of the probe, on all 2^n
 * inputs.
 *
 *   node --import tsx benchmarks/sorting-sizes.ts --seconds 60 --seeds 1,2 [--inputs 8-16] [--backend webasm] [--markdown] [--json FILE] [--md FILE]
 *
 * Output: JSON {"command", "seconds", "seeds", "backend", "rows": [...]} on
 * stdout (with --markdown a table instead); --json and --md also write them
 * to files (each through a temporary file, renamed when complete).
 */
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolveConfig, type ConfigFile } from '../core/run/config.ts';
import type { BackendName } from '../core/domain/backend-names.ts';
import { kernelEvaluator, referenceEvaluator, type Evaluator } from '../core/backends/evaluator.ts';
import { initialState } from '../core/engine/state.ts';
import { step } from '../core/engine/step.ts';
import { genome } from '../core/basics/population.ts';
import { sortingNetworks } from '../populations/sorting-networks/index.ts';
import { BEST_KNOWN_SIZE, checkNetwork, parseNetwork } from '../populations/sorting-networks/network.ts';
import type { JsonValue } from '../core/basics/json.ts';

export interface SeedResult {
  readonly seed: string;
  /** Comparators of the smallest valid network reached; null if none was valid. */
  readonly best: number | null;
  readonly depth: number | null;
  /** Wall seconds from the start of the run (setup included) to the first valid network and to the best. */
  readonly firstValidSeconds: number | null;
  readonly bestSeconds: number | null;
  readonly generations: number;
  /** The independent exhaustive check of the best network agreed. */
  readonly checked: boolean;
  readonly network: JsonValue | null;
}

export interface SizeRow {
  readonly inputs: number;
  readonly known: number;
  readonly prefix: string;
  readonly best: number | null;
  readonly seeds: readonly SeedResult[];
}

/**
 * The search setup for n inputs: examples/hillis-16.json, generalised. A
 * power of two gets the whole hypercube prefix; other n get its first layer
 * only, (0, 1), (2, 3), ..., which keeps the test-case space (3^(n/2)
 * outputs, twice that for odd n) small enough for pruning and reduction on
 * every child; all 2^n inputs would cost 2^n / 32 words a comparator. No
 * result says an optimal network of every n starts with that layer.
 */
export function setupFor(inputs: number, seed: string, backend: string): ConfigFile {
  const powerOfTwo = (inputs & (inputs - 1)) === 0;
  const example = HILLIS_16;
  return {
    options: { ...example.options, inputs, prefix: 'hypercube', ...(powerOfTwo ? {} : { prefixLayers: 1 }) },
    seed,
    generations: 100_000_000,
    solvers: example.solvers,
    challengers: example.challengers,
    selection: example.selection,
    backend: backend as ConfigFile['backend'],
  };
}

/** The example the setup generalises, read as it stands so that the two cannot drift apart. */
const HILLIS_16 = JSON.parse(
  readFileSync(new URL('../populations/sorting-networks/examples/hillis-16.json', import.meta.url), 'utf8'),
) as Required<Pick<ConfigFile, 'solvers' | 'challengers' | 'selection'>> & { options: Record<string, JsonValue> };

export async function searchSize(inputs: number, seed: string, seconds: number, backend: BackendName | 'reference'): Promise<SeedResult> {
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const { config, instance } = resolveConfig(sortingNetworks, [
    { source: 'benchmark', config: setupFor(inputs, seed, backend === 'reference' ? 'cpu' : backend) },
  ]);
  const evaluator: Evaluator = backend === 'reference' ? referenceEvaluator(instance) : await kernelEvaluator(instance, backend);
  let state = initialState(instance, config);
  let best: { comparators: number; depth: number; seconds: number; genome: Float32Array } | null = null;
  let firstValid: number | null = null;
  try {
    while (elapsed() < seconds) {
      const { state: next, report } = await step(state, { domain: instance, config, evaluator });
      const d = report.probe?.details as { valid?: boolean; comparators?: number; depth?: number } | undefined;
      if (d?.valid) {
        firstValid ??= elapsed();
        if (!best || d.comparators! < best.comparators || (d.comparators === best.comparators && d.depth! < best.depth)) {
          best = { comparators: d.comparators!, depth: d.depth!, seconds: elapsed(), genome: genome(state.solvers, report.champions.solver).slice() };
        }
      }
      state = next;
    }
  } finally {
    await evaluator.destroy();
  }
  const network = best ? instance.solver.encode(best.genome) : null;
  const check = network ? checkNetwork(parseNetwork(network, `n=${inputs} seed ${seed}`)) : null;
  return {
    seed,
    best: best?.comparators ?? null,
    depth: best?.depth ?? null,
    firstValidSeconds: firstValid,
    bestSeconds: best?.seconds ?? null,
    generations: state.generation,
    checked: check !== null && check.valid && check.comparators === best!.comparators,
    network,
  };
}

function parseInputs(text: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) fail(`--inputs: expected N or A-B (e.g. 8-16), got "${text}"`);
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  if (a < 2 || b > 16 || a > b) fail(`--inputs: ${text} is outside 2 to 16; give N or A-B with 2 <= A <= B <= 16`);
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}

/** Bad input: one line naming the flag and the fix, exit code 2, nothing written. */
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, text);
  await rename(temp, file);
}

/** "hypercube (32)": the prefix and its comparator count. */
function prefixName(inputs: number): string {
  const o = setupFor(inputs, '1', 'cpu').options as { prefixLayers?: number };
  const layers = o.prefixLayers ?? Math.log2(inputs);
  let count = 0;
  for (let b = 0; b < layers; b++) for (let i = 0; i < inputs; i++) if ((i & (1 << b)) === 0 && (i | (1 << b)) < inputs) count++;
  return `${layers === Math.log2(inputs) ? 'hypercube' : `first ${layers === 1 ? 'layer' : `${layers} layers`}`} (${count})`;
}

const fmt = (x: number | null, digits = 0) => (x === null ? '-' : x.toFixed(digits));

export function markdown(result: { command: string; rows: readonly SizeRow[] }): string {
  const lines = [
    `\`${result.command}\``,
    '',
    '| n | known best | prefix | best reached | per seed: size (s to first valid, s to best, generations) |',
    '|---|---|---|---|---|',
  ];
  for (const r of result.rows) {
    const seeds = r.seeds
      .map((s) => `seed ${s.seed}: ${fmt(s.best)}${s.checked ? '' : s.best === null ? '' : ' (CHECK FAILED)'} (${fmt(s.firstValidSeconds, 1)}, ${fmt(s.bestSeconds, 1)}, ${s.generations})`)
      .join('; ');
    lines.push(`| ${r.inputs} | ${r.known} | ${r.prefix} | ${fmt(r.best)} | ${seeds} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '30' },
      seeds: { type: 'string', default: '1' },
      inputs: { type: 'string', default: '8-16' },
      backend: { type: 'string', default: 'webasm' },
      markdown: { type: 'boolean', default: false },
      json: { type: 'string' },
      md: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) fail(`--seconds: expected a positive number of seconds per n and seed, got "${values.seconds}"`);
  const seeds = values.seeds!.split(',').filter(Boolean);
  const backend = values.backend as BackendName | 'reference';
  const rows: SizeRow[] = [];
  for (const inputs of parseInputs(values.inputs!)) {
    const results: SeedResult[] = [];
    for (const seed of seeds) {
      const r = await searchSize(inputs, seed, seconds, backend);
      results.push(r);
      console.error(`n=${inputs} seed ${seed}: ${r.best ?? 'no valid network'} comparators after ${r.generations} generations`);
    }
    const sizes = results.flatMap((r) => (r.best !== null && r.checked ? [r.best] : []));
    rows.push({
      inputs,
      known: BEST_KNOWN_SIZE[inputs]!,
      prefix: prefixName(inputs),
      best: sizes.length ? Math.min(...sizes) : null,
      seeds: results,
    });
  }
  const command = `node --import tsx benchmarks/sorting-sizes.ts --seconds ${values.seconds} --seeds ${values.seeds} --inputs ${values.inputs} --backend ${values.backend}`;
  const result = { command, seconds, seeds, backend, rows };
  const json = JSON.stringify(result, null, 2);
  if (values.json) await writeAtomically(values.json, `${json}\n`);
  if (values.md) await writeAtomically(values.md, `${markdown(result)}\n`);
  console.log(values.markdown ? markdown(result) : json);
}
