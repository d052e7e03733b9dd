/**
 * The climb by itself (populations/sorting-networks/climb.ts), outside a
 * run: start from a 16-input network that begins with the hypercube prefix
 * (a network file or a run's best-valid.json), climb in rounds of --steps
 * steps (each round followed by a reduction) for --seconds of wall time, and
 * print when each smaller size was reached. This is how the climb's defaults
 * were chosen (docs/domains/sorting-networks.md).
 *
 *   npx tsx benchmarks/climb-alone.ts FILE [--moves 2] [--escape 200] [--steps 100000] [--seconds 30] [--seed a]
 *
 * Prints JSON: {"start", "best", "improvements": [{"seconds", "round", "comparators"}], "steps", "seconds"}.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { climber } from '../populations/sorting-networks/climb.ts';
import { activeComparators } from '../populations/sorting-networks/genome.ts';
import { parseNetwork } from '../populations/sorting-networks/network.ts';
import { prefixComparators, prefixSpace } from '../populations/sorting-networks/prefix.ts';
import { reduceSlots, vectorSpace } from '../populations/sorting-networks/space.ts';
import { rngFromSeed } from '../core/basics/rng.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    moves: { type: 'string', default: '2' },
    escape: { type: 'string', default: '200' },
    steps: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '30' },
    seed: { type: 'string', default: 'a' },
  },
});
const [moves, escape, steps, seconds] = [values.moves, values.escape, values.steps, values.seconds].map(Number) as [number, number, number, number];
const file = positionals[0];
if (!file || !(moves >= 1) || !(escape >= 0) || !(steps >= 1) || !(seconds > 0)) {
  console.error('usage: npx tsx benchmarks/climb-alone.ts FILE [--moves >=1] [--escape >=0] [--steps >=1] [--seconds >0] [--seed S]');
  process.exit(2);
}
const json = JSON.parse(await readFile(file, 'utf8')) as { solver?: unknown };
const net = parseNetwork(json.solver ?? json, file, 16);
const prefix = prefixComparators('hypercube', 16, undefined);
if (prefix.some((c, k) => net.comparators[k]?.[0] !== c[0] || net.comparators[k]?.[1] !== c[1])) {
  console.error(`${file}: the network must start with the 32-comparator hypercube prefix`);
  process.exit(2);
}
const space = vectorSpace(16, prefixSpace(16, prefix).unsorted);
const rest = net.comparators.slice(prefix.length);
// Room for the uphill steps.
const g = new Float32Array(2 * (rest.length + 20));
rest.forEach(([i, j], k) => {
  g[2 * k] = i;
  g[2 * k + 1] = j;
});
const climb = climber(space, moves, escape);
const rng = rngFromSeed(values.seed!);
const start = performance.now();
const elapsed = () => (performance.now() - start) / 1000;
let best = rest.length;
let round = 0;
const improvements: Array<{ seconds: number; round: number; comparators: number }> = [];
for (; elapsed() < seconds; round++) {
  climb(g, steps, rng);
  reduceSlots(space, g, rng);
  const size = activeComparators(g);
  if (size < best) {
    best = size;
    improvements.push({ seconds: Math.round(elapsed() * 10) / 10, round, comparators: prefix.length + size });
  }
}
console.log(
  JSON.stringify({ start: net.comparators.length, best: prefix.length + best, improvements, steps: round * steps, seconds: Math.round(elapsed() * 10) / 10 }),
);
