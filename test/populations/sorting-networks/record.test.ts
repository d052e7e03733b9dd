/**
 * The sorting-network record hook: its early-stopping validity check (with
 * its memory of recent failures) answers exactly as the full count does, on
 * random networks and on valid networks with one comparator dropped or
 * moved; measures are comparators then depth; best-known lines for n.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countSorted, depth, oddEvenMergeSort, type Comparator, type Network } from '../../../populations/sorting-networks/network.ts';
import { BEST_KNOWN_DEPTH, networkRecord, validityCheck } from '../../../populations/sorting-networks/record.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { sortsAll } from '../../helpers/sorting-check.ts';

const comparator = (n: number) =>
  fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([i, j]) => i !== j).map(([i, j]): Comparator => [Math.min(i, j), Math.max(i, j)]);

describe('sorting-network record hook', () => {
  it('agrees with the full count on random networks and near-valid ones, for n = 2..10', () => {
    for (let n = 2; n <= 10; n++) {
      const check = validityCheck(n);
      fc.assert(
        fc.property(fc.array(comparator(n), { maxLength: 40 }), (comparators) => {
          const net: Network = { inputs: n, comparators };
          expect(check(net)).toBe(countSorted(net) === 2 ** n);
        }),
        { numRuns: 60 },
      );
    }
    // Near-valid: Batcher's 8-input network with one comparator dropped, each in turn (with the memory warm).
    const batcher = oddEvenMergeSort(8);
    const check = validityCheck(8);
    expect(check(batcher)).toBe(true);
    for (let k = 0; k < batcher.comparators.length; k++) {
      const net = { inputs: 8, comparators: batcher.comparators.filter((_, i) => i !== k) };
      expect(check(net), `without comparator ${k}`).toBe(countSorted(net) === 256);
      expect(check(net)).toBe(sortsAll(net));
    }
    expect(check(batcher)).toBe(true);
  });

  it('measures comparators then depth, with the best known size and depth for n', () => {
    const instance = sortingNetworks.create(sortingNetworks.options.parse({ inputs: 8 }));
    const hook = instance.record!;
    const batcher = oddEvenMergeSort(8);
    const g = instance.solver.decode(batcher, 'test');
    expect(hook.measure(g)).toEqual([batcher.comparators.length, depth(batcher)]);
    expect(hook.isValid(g)).toBe(true);
    expect(hook.measures).toEqual([
      { key: 'comparators', label: 'comparators', known: 19 },
      { key: 'depth', label: 'depth', known: 6 },
    ]);
    expect(networkRecord(17).measures.every((m) => m.known === undefined)).toBe(true);
    expect(BEST_KNOWN_DEPTH[16]).toBe(9);
  });
});
