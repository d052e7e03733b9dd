/**
 * The bit-sliced kernel beyond the contract test's default options: several
 * words per wire (more than 24 vectors), 20 wires, tiny networks. On
 * headlessgl the domain runs its vector-per-word kernel instead (perBackend),
 * which is checked here too.
 */
import { describe, expect, it } from 'vitest';
import { crossCheck, kernelEvaluator } from '../../../core/backends/evaluator.ts';
import { stream } from '../../../core/basics/rng.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { transposeTestSet, vectorGroups } from '../../../populations/sorting-networks/bit-sliced.ts';
import { workingBackends } from '../../helpers/backends.ts';

const backends = await workingBackends();

describe('bit-sliced layout', () => {
  it('splits vectors into words of at most 24, as evenly as possible', () => {
    expect(vectorGroups(16)).toEqual([16]);
    expect(vectorGroups(24)).toEqual([24]);
    expect(vectorGroups(25)).toEqual([13, 12]);
    expect(vectorGroups(256).every((n) => n <= 24)).toBe(true);
    expect(vectorGroups(256).reduce((a, b) => a + b)).toBe(256);
  });

  it('transposes: bit b of word (g, w) is wire w of vector t', () => {
    const inputs = 7;
    const vectors = 30;
    const sizes = vectorGroups(vectors);
    const rng = stream('transpose');
    const set = Float32Array.from({ length: vectors }, () => rng.int(2 ** inputs));
    const out = new Float32Array(inputs * sizes.length).fill(99); // stale contents must not leak
    transposeTestSet(inputs, vectors)(set, out);
    let t = 0;
    sizes.forEach((size, g) => {
      for (let b = 0; b < size; b++, t++) {
        for (let w = 0; w < inputs; w++) expect((out[g * inputs + w]! >> b) & 1).toBe((set[t]! >> w) & 1);
      }
    });
  });
});

describe.each([
  { inputs: 5, vectors: 40 },
  { inputs: 20, vectors: 3, maxComparators: 30 },
  { inputs: 2, vectors: 1 },
])('sorting kernel with %o', (options) => {
  const instance = sortingNetworks.create(sortingNetworks.options.parse(options));
  it.each(backends)('equals the reference on %s', async (backend) => {
    const evaluator = await kernelEvaluator(instance, backend);
    try {
      expect(await crossCheck(instance, evaluator, { rows: 11, cols: 9, seed: `bit-sliced-${options.inputs}` })).toBeNull();
    } finally {
      await evaluator.destroy();
    }
  });
});
