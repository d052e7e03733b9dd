/**
 * The search options of the sorting-network domain (Hillis' setup and what
 * goes beyond it), turned into the pieces the domain instance is built from:
 *
 * - prefix: fixed first comparators (prefix.ts); genomes hold only the rest,
 *   test sets are drawn from the prefix's unsorted outputs (prefix-tests.ts),
 *   and the probe checks the rest on those outputs weighted by how many of
 *   the 2^n inputs each stands for, which equals the exhaustive check of the
 *   whole network (test/populations/sorting-networks/search.test.ts).
 * - prune: after every crossover and mutation, slots whose comparator never
 *   exchanges on any test case (the prefix's unsorted outputs, or all 2^n
 *   inputs without a prefix) are cleared. Such a comparator changes no
 *   output, so the child's outcomes are those it would have had with it, and
 *   the parsimony tie-break then sees its real size. A repair inside the
 *   genome spec rather than a post-pass, so that every network selection
 *   sees is already minimal in this sense, and so deterministic and
 *   checkpoint-safe for free (a pure function of the genome).
 * - complete (beyond Hillis, SorterHunter style; needs prune): after pruning,
 *   comparators drawn from still-unsorted test cases are appended until every
 *   test case of the space is sorted (completeSlots), then every comparator
 *   the network can do without is dropped (reduceSlots). Every child is then
 *   valid, so the parasites have nothing left to find and selection is by
 *   size alone: this is the shrinking phase, run from the first generation.
 * - climbSteps (beyond Hillis, SorterHunter's moves; needs complete): after
 *   completion and reduction, that many random local moves (climb.ts), each
 *   kept when the network still sorts every test case of the space (up to
 *   climbMoves moves at once), with now and then (one step in climbEscape)
 *   an uphill step; the child becomes the smallest network its climb met,
 *   then a last reduction. Equal-size moves let a child drift across networks
 *   of its size until a comparator can go; the grid keeps many such climbs
 *   apart, and selection keeps the smallest.
 * - tieBreak "size-depth": the parsimony cost counts depth below one
 *   comparator, so among equally good networks of one size the shallower wins.
 */
import { UserError, type GenomeSpec, type JsonObject, type Rng } from '../../core/index.ts';
import { climber } from './climb.ts';
import { activeComparators, networkOf } from './genome.ts';
import { BEST_KNOWN_SIZE, depth, type Comparator, type Network, type NetworkReport } from './network.ts';
import { prefixComparators, prefixSpace, withPrefix, type PrefixKind } from './prefix.ts';
import { unsortedTestSetGenome } from './prefix-tests.ts';
import { allInputs, completeSlots, pruneSlots, reduceSlots, vectorSpace, weightSorted, type VectorSpace } from './space.ts';

export const TIE_BREAKS = ['size', 'size-depth'] as const;

/**
 * Climb defaults, measured at 16 inputs from a 62-comparator network stuck in
 * the plain search: without the uphill step no setting left 62 in a minute;
 * with one step in 100 to 200 uphill and up to 2 or 3 moves a step, 60 came
 * within seconds (docs/domains/sorting-networks.md).
 */
export const DEFAULT_CLIMB_MOVES = 2;
export const DEFAULT_CLIMB_ESCAPE = 200;

/** Pruning against all 2^n inputs costs 2^n / 32 words per comparator per child; beyond this it is refused. */
export const MAX_PRUNE_INPUTS_WITHOUT_PREFIX = 16;

export interface SearchOptions {
  readonly inputs: number;
  readonly maxComparators?: number | undefined;
  readonly vectors: number;
  readonly prefix: PrefixKind;
  readonly prefixLayers?: number | undefined;
  readonly prune: boolean;
  readonly complete: boolean;
  /** Local moves tried on every completed child (0: none). */
  readonly climbSteps?: number | undefined;
  /** Moves applied together before a climb step's check: 1 to this many. */
  readonly climbMoves?: number | undefined;
  /** One climb step in this many inserts a redundant comparator (uphill); 0: never. */
  readonly climbEscape?: number | undefined;
  readonly tieBreak: (typeof TIE_BREAKS)[number];
}

export interface SearchSetup {
  /** Evolved comparator slots (after the prefix). */
  readonly slots: number;
  readonly prefix: readonly Comparator[];
  /** The search options as recorded in run.json. */
  readonly options: JsonObject;
  readonly repair?: (genome: Float32Array, rng: Rng) => void;
  /** The challenger genome when the prefix changes the test-case space. */
  readonly challenger?: GenomeSpec;
  readonly cost?: (genome: Float32Array) => number;
  /** The exhaustive 0-1 check of the whole network, when a prefix makes a faster one possible. */
  readonly check?: (genome: Float32Array) => NetworkReport;
  /** The whole network (prefix, then the genome's comparators). */
  whole(genome: Float32Array): Network;
}

export function searchSetup(opts: SearchOptions, defaultSlots: (inputs: number) => number): SearchSetup {
  const { inputs, vectors } = opts;
  const prefix = prefixComparators(opts.prefix, inputs, opts.prefixLayers);
  const known = BEST_KNOWN_SIZE[inputs];
  // With a prefix the default leaves the same 1.5x room for the part that evolves.
  const total =
    opts.maxComparators ??
    (prefix.length > 0 && known !== undefined ? Math.ceil(prefix.length + 1.5 * (known - prefix.length)) + 2 : defaultSlots(inputs));
  const slots = total - prefix.length;
  if (slots < 1) {
    throw new UserError(
      `option "maxComparators": ${total} comparators leave no room after the ${prefix.length}-comparator prefix; use at least ${prefix.length + 1}`,
    );
  }
  if (opts.prune && prefix.length === 0 && inputs > MAX_PRUNE_INPUTS_WITHOUT_PREFIX) {
    throw new UserError(
      `option "prune" checks all 2^${inputs} inputs per child without a prefix; use it with up to ${MAX_PRUNE_INPUTS_WITHOUT_PREFIX} inputs or with option "prefix": "hypercube"`,
    );
  }
  if (opts.complete && !opts.prune) {
    throw new UserError('option "complete" appends to pruned networks; set option "prune": true as well');
  }
  const climbSteps = opts.climbSteps ?? 0;
  const climbMoves = opts.climbMoves ?? DEFAULT_CLIMB_MOVES;
  const climbEscape = opts.climbEscape ?? DEFAULT_CLIMB_ESCAPE;
  if (climbSteps > 0 && !opts.complete) {
    throw new UserError('option "climbSteps" climbs from completed networks; set options "prune": true and "complete": true as well');
  }
  const options: JsonObject = {
    prefix: opts.prefix,
    ...(opts.prefixLayers !== undefined ? { prefixLayers: opts.prefixLayers } : {}),
    prune: opts.prune,
    complete: opts.complete,
    // Recorded only when on, so that run.json of runs without it is unchanged.
    ...(climbSteps > 0 ? { climbSteps, climbMoves, climbEscape } : {}),
    tieBreak: opts.tieBreak,
  };
  const whole = (g: Float32Array): Network => withPrefix(prefix, networkOf(g, inputs));
  const prefixDepth = depth({ inputs, comparators: prefix });
  const cost =
    opts.tieBreak === 'size-depth'
      ? // Depth is at most prefixDepth + slots, so depth / (that + 1) < 1: it orders only networks of equal size.
        (g: Float32Array) => (activeComparators(g) + depth(whole(g)) / (prefixDepth + slots + 1)) / (slots + 1)
      : undefined;

  const repairFor = (space: VectorSpace) => {
    const climb = climbSteps > 0 ? climber(space, climbMoves, climbEscape) : null;
    return {
      repair: (g: Float32Array, rng: Rng): void => {
        pruneSlots(space, g);
        if (!opts.complete || completeSlots(space, g, rng) !== 0) return;
        reduceSlots(space, g, rng);
        if (climb && climb(g, climbSteps, rng) > 0) reduceSlots(space, g, rng);
      },
    };
  };
  if (prefix.length === 0) {
    const space = opts.prune ? allInputs(inputs) : null;
    return { slots, prefix, options, whole, ...(space ? repairFor(space) : {}), ...(cost ? { cost } : {}) };
  }
  const after = prefixSpace(inputs, prefix);
  if (after.unsorted.length === 0) {
    throw new UserError(`option "prefix": the ${prefix.length}-comparator prefix already sorts every input; use fewer layers`);
  }
  const space = vectorSpace(inputs, after.unsorted);
  const total2n = 2 ** inputs;
  return {
    slots,
    prefix,
    options,
    whole,
    challenger: unsortedTestSetGenome(inputs, vectors, after.unsorted),
    ...(opts.prune ? repairFor(space) : {}),
    ...(cost ? { cost } : {}),
    check(g) {
      const net = whole(g);
      const inputsSorted = after.sortedInputs + weightSorted(space, g, after.multiplicity);
      return { valid: inputsSorted === total2n, comparators: net.comparators.length, depth: depth(net), inputsSorted, inputsTotal: total2n };
    },
  };
}
