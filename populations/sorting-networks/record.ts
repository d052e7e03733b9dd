/**
 * The best-valid record of a sorting-network run: a network is valid when it
 * sorts all 2^n 0/1 inputs (the exhaustive check the probe does), and valid
 * networks rank by comparators, then depth. The best sizes and depths known
 * for n are the lines the size chart draws.
 *
 * The run checks up to 17 networks a generation, most of them invalid, and
 * an exhaustive check costs about a millisecond at n = 16; so this check
 * stops at the first batch of 32 inputs that fails, and tries first the
 * batches that failed recently (an invalid network tends to fail where its
 * relatives did). The answer is the same as the full count's; only the
 * time differs.
 */
import type { SolverRecordHook } from '../../core/index.ts';
import { networkOf } from './genome.ts';
import { BEST_KNOWN_SIZE, depth, unsortedLanes, type Network } from './network.ts';

/**
 * Smallest known depths for n = 0..16 inputs, optimal for all of them
 * (Knuth, TAOCP vol. 3, 5.3.4; Bundala and Zavodny 2014 for 11 to 16).
 */
export const BEST_KNOWN_DEPTH = [0, 0, 1, 3, 3, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 9, 9] as const;

/** Batches that failed lately, tried first. */
const RECENT_FAILURES = 16;


/** A validity check that stops at the first unsorted input; remembers where networks failed. */
export function validityCheck(inputs: number): (net: Network) => boolean {
  const total = 2 ** inputs;
  const batches = Math.max(1, total / 32);
  const laneMask = total >= 32 ? 0xffffffff : (2 ** total - 1) >>> 0;
  const wires = new Int32Array(inputs);
  const recent: number[] = [];
  const sortsBatch = (flat: readonly number[], b: number): boolean => (unsortedLanes(flat, b, wires) & laneMask) === 0;
  const failed = (b: number): false => {
    const at = recent.indexOf(b);
    if (at >= 0) recent.splice(at, 1);
    recent.unshift(b);
    if (recent.length > RECENT_FAILURES) recent.pop();
    return false;
  };
  return (net) => {
    const flat = net.comparators.flat();
    for (const b of recent) if (!sortsBatch(flat, b)) return failed(b);
    for (let b = 0; b < batches; b++) if (!sortsBatch(flat, b)) return failed(b);
    return true;
  };
}

/**
 * `whole` turns a genome into the network it stands for: the genome's own
 * comparators, or with a fixed prefix (search.ts) the prefix and then them.
 */
export function networkRecord(inputs: number, whole: (genome: Float32Array) => Network = (g) => networkOf(g, inputs)): SolverRecordHook {
  const size = BEST_KNOWN_SIZE[inputs];
  const layers = BEST_KNOWN_DEPTH[inputs];
  const sortsAll = validityCheck(inputs);
  return {
    validity: `sorts all 2^${inputs} 0/1 inputs`,
    isValid: (genome) => sortsAll(whole(genome)),
    measures: [
      { key: 'comparators', label: 'comparators', ...(size !== undefined ? { known: size } : {}) },
      { key: 'depth', label: 'depth', ...(layers !== undefined ? { known: layers } : {}) },
    ],
    measure: (genome) => {
      const net = whole(genome);
      return [net.comparators.length, depth(net)];
    },
  };
}
