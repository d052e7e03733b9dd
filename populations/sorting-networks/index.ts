/**
 * Sorting networks vs test sets (Hillis 1990). Solvers are comparator networks
 * on n wires; challengers are sets of 0/1 test vectors. M[s][c] is the fraction
 * of challenger c's vectors that network s sorts. Among equally good networks
 * fewer comparators win (solverCost, a tie-break only). The probe, outside the
 * loop, checks the champion on all 2^n inputs. Hillis' own setup (a fixed
 * prefix, test cases from what it leaves unsorted) and the shrinking phase
 * beyond it are options, built in search.ts.
 */
import { z } from 'zod';
import { readJsonFile, solverOfBest, type Domain, type InteractionKernel } from '../../core/index.ts';
import { activeComparators, networkGenome, networkOf, testSetGenome } from './genome.ts';
import { bitSlicedSortingKernel, transposeTestSet, wordsPerTestSet } from './bit-sliced.ts';
import { sortingWasmKernel } from './wasm.ts';
import { cachedCheck } from './probe-cache.ts';
import { sortingKernel, sortingReference, unrolledSortingKernel } from './kernel.ts';
import { BEST_KNOWN_SIZE, checkNetwork, depth, parseNetwork, oddEvenMergeSort } from './network.ts';
import { networkRecord } from './record.ts';
import { PREFIXES } from './prefix.ts';
import { DEFAULT_CLIMB_ESCAPE, DEFAULT_CLIMB_MOVES, searchSetup, TIE_BREAKS } from './search.ts';

const options = z.strictObject({
  inputs: z.number().int().min(2).max(20).default(16).describe('wires of the network (n)'),
  maxComparators: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .optional()
    .describe('comparator slots per network, prefix included (default: 1.5 x a known good size for n)'),
  vectors: z.number().int().min(1).max(256).default(16).describe('test vectors per challenger'),
  initialDensity: z.number().min(0).max(1).default(0.8).describe('fraction of slots used in random networks'),
  prefix: z
    .enum(PREFIXES)
    .default('none')
    .describe('fixed first comparators (Hillis 1990): "hypercube" = the cube layers i : i xor 2^b, e.g. 32 for 16 inputs'),
  prefixLayers: z.number().int().min(1).max(5).optional().describe('cube layers in the prefix (default: all, for 4, 8 or 16 inputs)'),
  prune: z.boolean().default(false).describe('drop comparators that never exchange on any test case (after every variation)'),
  complete: z
    .boolean()
    .default(false)
    .describe('after pruning, append comparators drawn from unsorted test cases until all are sorted (needs prune)'),
  climbSteps: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(0)
    .describe('after completion, random local moves tried on every child, each kept if it still sorts every test case (needs complete)'),
  climbMoves: z.number().int().min(1).max(16).default(DEFAULT_CLIMB_MOVES).describe('moves applied together in one climb step: 1 to this many'),
  climbEscape: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(DEFAULT_CLIMB_ESCAPE)
    .describe('one climb step in this many inserts a redundant comparator to escape a local minimum (0: never)'),
  tieBreak: z
    .enum(TIE_BREAKS)
    .default('size')
    .describe('among equally good networks prefer fewer comparators ("size"), then lower depth ("size-depth")'),
});

/** Default slot count: half again the size of a known good network, so evolution has room. */
function defaultSlots(inputs: number): number {
  const known = BEST_KNOWN_SIZE[inputs] ?? oddEvenMergeSort(2 ** Math.ceil(Math.log2(inputs))).comparators.length;
  return Math.ceil(1.5 * known) + 2;
}

export const sortingNetworks: Domain<typeof options> = {
  name: 'sorting-networks',
  title: 'Sorting networks vs test sets (Hillis 1990)',
  options,
  defaults: { solvers: 256, challengers: 64, generations: 300 },
  create(opts) {
    const { inputs, vectors, initialDensity } = opts;
    const search = searchSetup(opts, defaultSlots);
    const slots = search.slots;
    const lowMask = 2 ** (inputs - 1) - 1;
    const check = cachedCheck();
    // The kernel before bit-slicing. gpu.js emulates bitwise operations in
    // GLSL, where bit-slicing buys nothing: on headlessgl this one stays a
    // little faster and compiles sooner (benchmarks/compile.ts, BENCHMARKS.md).
    const vectorPerWord: InteractionKernel = {
      name: 'vector-per-word',
      source: unrolledSortingKernel(vectors),
      constants: { vectors, slots, lowMask },
      loopMaxIterations: Math.max(vectors, slots),
    };
    return {
      name: 'sorting-networks',
      options: { inputs, maxComparators: slots + search.prefix.length, vectors, initialDensity, ...search.options },
      solver: networkGenome(inputs, slots, initialDensity, { prefix: search.prefix, repair: search.repair }),
      challenger: search.challenger ?? testSetGenome(inputs, vectors),
      kernel: {
        name: 'bit-sliced',
        source: bitSlicedSortingKernel(inputs, vectors),
        constants: { slots },
        loopMaxIterations: slots,
        columns: { length: wordsPerTestSet(inputs, vectors), write: transposeTestSet(inputs, vectors) },
        perBackend: { headlessgl: vectorPerWord },
      },
      kernelVariants: {
        // The kernel before bit-slicing, and the plain loop before that: benchmarks/ measures both against it.
        'vector-per-word': vectorPerWord,
        'one-vector-at-a-time': {
          name: 'one-vector-at-a-time',
          source: sortingKernel,
          constants: { vectors, slots, lowMask },
          loopMaxIterations: Math.max(vectors, slots),
        },
      },
      wasm: sortingWasmKernel(inputs, vectors, slots),
      rawScale: vectors,
      reference: (network, testSet) => sortingReference(network, testSet, lowMask),
      solverCost: search.cost ?? ((network) => activeComparators(network) / slots),
      workUnits: { name: 'comparator-tests', count: (network) => vectors * activeComparators(network) },
      probe({ solver }) {
        const report = search.check ? search.check(solver) : check(networkOf(solver, inputs));
        return {
          score: report.inputsSorted / report.inputsTotal,
          label: `fraction of all 2^${inputs} inputs sorted`,
          details: { ...report },
        };
      },
      record: networkRecord(inputs, search.whole),
      summarize(network) {
        const net = search.whole(network);
        return `${net.comparators.length} comparators, depth ${depth(net)}`;
      },
      view: 'sorting-network',
    };
  },
  evalCommand: {
    flags: [
      {
        name: 'network',
        value: 'FILE',
        description: 'network JSON {"inputs": n, "comparators": [[i, j], ...]}, or a run\'s best.json (its solver)',
        required: true,
      },
    ],
    async run(values) {
      const file = values.network!;
      const { value, source } = solverOfBest(await readJsonFile(file, '--network'), file);
      return { ...checkNetwork(parseNetwork(value, source)) };
    },
  },
};
