/**
 * The best-valid record of a sorting-network run: a network is valid when it
 * sorts all 2^n 0/1 inputs (the exhaustive check the probe does), and valid
 * networks rank by comparators, then depth. The best sizes and depths known
 * for n are the lines the size chart draws.
 */
import type { SolverRecordHook } from '../../core/domain/domain.ts';
import { activeComparators, networkOf } from './genome.ts';
import { BEST_KNOWN_SIZE, countSorted, depth } from './network.ts';

/**
 * Smallest known depths for n = 0..16 inputs, optimal for all of them
 * (Knuth, TAOCP vol. 3, 5.3.4; Bundala and Zavodny 2014 for 11 to 16).
 */
export const BEST_KNOWN_DEPTH = [0, 0, 1, 3, 3, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 9, 9] as const;

export function networkRecord(inputs: number): SolverRecordHook {
  const total = 2 ** inputs;
  const size = BEST_KNOWN_SIZE[inputs];
  const layers = BEST_KNOWN_DEPTH[inputs];
  return {
    validity: `sorts all 2^${inputs} 0/1 inputs`,
    isValid: (genome) => countSorted(networkOf(genome, inputs)) === total,
    measures: [
      { key: 'comparators', label: 'comparators', ...(size !== undefined ? { known: size } : {}) },
      { key: 'depth', label: 'depth', ...(layers !== undefined ? { known: layers } : {}) },
    ],
    measure: (genome) => [activeComparators(genome), depth(networkOf(genome, inputs))],
  };
}
