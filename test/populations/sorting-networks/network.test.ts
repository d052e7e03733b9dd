import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNetwork, countSorted, depth, oddEvenMergeSort, parseNetwork, type Network } from '../../../populations/sorting-networks/network.ts';
import { sortingReference } from '../../../populations/sorting-networks/kernel.ts';
import { stream } from '../../../core/basics/rng.ts';

/** Sort every 0/1 input the slow, obvious way: arrays and swaps. */
function naiveCount(net: Network): number {
  let sorted = 0;
  for (let v = 0; v < 2 ** net.inputs; v++) {
    const wires = Array.from({ length: net.inputs }, (_, w) => (v >> w) & 1);
    for (const [i, j] of net.comparators) {
      if (wires[i]! > wires[j]!) [wires[i], wires[j]] = [wires[j]!, wires[i]!];
    }
    if (wires.every((x, w) => w === 0 || wires[w - 1]! <= x)) sorted++;
  }
  return sorted;
}

function randomNetwork(inputs: number, size: number, seed: string): Network {
  const rng = stream(seed);
  const comparators: Array<[number, number]> = [];
  for (let k = 0; k < size; k++) {
    const i = rng.int(inputs - 1);
    comparators.push([i, i + 1 + rng.int(inputs - 1 - i)]);
  }
  return { inputs, comparators };
}

describe("Batcher's odd-even merge sort", () => {
  it('16 inputs: valid, 63 comparators, depth 10', () => {
    const report = checkNetwork(oddEvenMergeSort(16));
    expect(report).toEqual({ valid: true, comparators: 63, depth: 10, inputsSorted: 65536, inputsTotal: 65536 });
  });

  it('16 inputs: removing any one comparator makes it invalid', () => {
    const net = oddEvenMergeSort(16);
    for (let k = 0; k < net.comparators.length; k++) {
      const cut = { inputs: 16, comparators: net.comparators.filter((_, m) => m !== k) };
      expect(checkNetwork(cut).valid, `without comparator ${k}`).toBe(false);
    }
  });

  it('the example files are exactly the generated networks', () => {
    for (const n of [8, 16]) {
      const file = JSON.parse(readFileSync(`populations/sorting-networks/examples/batcher-${n}.json`, 'utf8'));
      expect(parseNetwork(file, 'example')).toEqual(oddEvenMergeSort(n));
    }
  });
});

describe('exhaustive check', () => {
  it('agrees with a naive simulation on random networks of 2 to 10 inputs', () => {
    for (let n = 2; n <= 10; n++) {
      for (const size of [0, 3, n * 2, n * 4]) {
        const net = randomNetwork(n, size, `net-${n}-${size}`);
        expect(countSorted(net), `n=${n} size=${size}`).toBe(naiveCount(net));
      }
    }
  });

  it('the interaction reference agrees with the naive simulation vector by vector', () => {
    const net = randomNetwork(7, 14, 'ref');
    const genome = Float32Array.from(net.comparators.flat());
    for (let v = 0; v < 128; v++) {
      const one = { inputs: 7, comparators: net.comparators };
      const wires = Array.from({ length: 7 }, (_, w) => (v >> w) & 1);
      for (const [i, j] of one.comparators) if (wires[i]! > wires[j]!) [wires[i], wires[j]] = [wires[j]!, wires[i]!];
      const sorted = wires.every((x, w) => w === 0 || wires[w - 1]! <= x) ? 1 : 0;
      expect(sortingReference(genome, Float32Array.of(v), 2 ** 6 - 1)).toBe(sorted);
    }
  });

  it('depth counts parallel layers', () => {
    expect(depth({ inputs: 4, comparators: [[0, 1], [2, 3], [1, 2], [0, 3]] })).toBe(2);
    expect(depth({ inputs: 3, comparators: [[0, 1], [1, 2], [0, 1]] })).toBe(3);
    expect(depth({ inputs: 3, comparators: [] })).toBe(0);
  });
});

describe('network files', () => {
  it.each([
    [{ inputs: 4, comparators: [[1, 0]] }, /comparators\[0\] is \[1,0\]/],
    [{ inputs: 4, comparators: [[0, 4]] }, /0 <= i < j < 4/],
    [{ inputs: 4, comparators: [[0, 1.5]] }, /comparators\[0\]/],
    [{ inputs: 1, comparators: [] }, /"inputs" must be an integer from 2/],
    [{ inputs: 4 }, /"comparators" must be an array/],
    [{ inputs: 4, comparators: [], depth: 3 }, /unknown field "depth"/],
    [[1, 2], /expected an object/],
  ])('reject %j', (value, message) => {
    expect(() => parseNetwork(value, 'net.json')).toThrow(message);
    expect(() => parseNetwork(value, 'net.json')).toThrow(/^net\.json: /);
  });
});
