/**
 * Hillis' setup as options: the fixed hypercube prefix (its size, the test
 * cases it leaves, the whole network in the human format), the probe that
 * checks only the prefix's outputs (equal to the exhaustive check), pruning,
 * and the option combinations that are refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { checkNetwork, oddEvenMergeSort, parseNetwork, type Network } from '../../../populations/sorting-networks/network.ts';
import { applyComparators, isSortedVector, prefixComparators, prefixSpace } from '../../../populations/sorting-networks/prefix.ts';
import { allInputs, pruneSlots, vectorSpace } from '../../../populations/sorting-networks/space.ts';
import { networkOf } from '../../../populations/sorting-networks/genome.ts';
import { parseConfigFile, resolveConfig } from '../../../core/run/config.ts';
import { stream } from '../../../core/basics/rng.ts';

const create = (options: Record<string, unknown>) => sortingNetworks.create(sortingNetworks.options.parse(options));
const hillis = create({ inputs: 16, prefix: 'hypercube', maxComparators: 100, prune: true });
const prefix16 = prefixComparators('hypercube', 16, undefined);

describe('the hypercube prefix', () => {
  it('16 inputs: 32 comparators, four perfect matchings i : i xor 2^b, the smaller value to the lower wire', () => {
    expect(prefix16).toHaveLength(32);
    for (let b = 0; b < 4; b++) {
      const layer = prefix16.slice(8 * b, 8 * b + 8);
      expect(layer.every(([i, j]) => j === (i ^ (1 << b)) && i < j)).toBe(true);
      expect(new Set(layer.flat()).size).toBe(16);
    }
  });

  it('leaves 168 distinct outputs (the monotone Boolean functions of 4 variables), 151 of them unsorted', () => {
    const space = prefixSpace(16, prefix16);
    expect(space.distinct).toBe(168);
    expect(space.unsorted).toHaveLength(151);
    // Every input is accounted for: those the prefix sorts, plus the multiplicities.
    expect(space.sortedInputs + space.multiplicity.reduce((a, b) => a + b, 0)).toBe(65536);
  });

  it('refuses combinations that do not apply, naming the option and the fix', () => {
    expect(() => create({ inputs: 10, prefix: 'hypercube' })).toThrow(/option "prefix".*10 inputs.*"prefixLayers"/);
    expect(() => create({ inputs: 16, prefix: 'hypercube', prefixLayers: 5 })).toThrow(/option "prefixLayers": 5 layers.*1 to 4/);
    expect(() => create({ inputs: 16, prefixLayers: 2 })).toThrow(/"prefixLayers" needs option "prefix"/);
    expect(() => create({ inputs: 16, prefix: 'hypercube', maxComparators: 32 })).toThrow(/option "maxComparators".*at least 33/);
    expect(() => create({ inputs: 18, prune: true })).toThrow(/option "prune".*2\^18/);
    expect(() => resolveConfig(sortingNetworks, [{ source: 'f.json', config: { options: { inputs: 12, prefix: 'hypercube' } } }])).toThrow(
      /prefixLayers/,
    );
  });

  it('other n: an explicit layer count keeps the pairs whose wires exist', () => {
    const p = prefixComparators('hypercube', 10, 3);
    expect(p).toEqual([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [0, 2], [1, 3], [4, 6], [5, 7], [0, 4], [1, 5], [2, 6], [3, 7]]);
    const inst = create({ inputs: 10, prefix: 'hypercube', prefixLayers: 3 });
    expect(inst.options).toMatchObject({ prefix: 'hypercube', prefixLayers: 3 });
  });
});

describe('a run with the prefix', () => {
  it('holds only the evolved comparators; the human format and every count include the prefix', () => {
    // The prefix followed by any sorting network is one.
    const whole: Network = { inputs: 16, comparators: [...prefix16, ...oddEvenMergeSort(16).comparators] };
    const g = hillis.solver.decode(JSON.parse(JSON.stringify(whole)), 'whole.json');
    expect(networkOf(g, 16).comparators).toHaveLength(63);
    const encoded = hillis.solver.encode(g);
    expect(encoded).toEqual({ inputs: 16, comparators: whole.comparators.map((c) => [...c]) });
    expect(checkNetwork(parseNetwork(encoded, 'encoded'))).toMatchObject({ valid: true, comparators: 95 });
    expect(hillis.summarize!(g)).toMatch(/^95 comparators, depth /);
    const probe = hillis.probe!({ solver: g } as Parameters<NonNullable<typeof hillis.probe>>[0]);
    expect(probe.score).toBe(1);
    expect(probe.details).toMatchObject({ valid: true, comparators: 95, inputsSorted: 65536, inputsTotal: 65536 });
  });

  it('reads the 62-comparator network a hillis-16 run found (examples/evolved-16-62.json): valid, prefix first', () => {
    const file = 'populations/sorting-networks/examples/evolved-16-62.json';
    const g = hillis.solver.decode(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(networkOf(g, 16).comparators).toHaveLength(30);
    const probe = hillis.probe!({ solver: g } as Parameters<NonNullable<typeof hillis.probe>>[0]);
    expect(probe.details).toMatchObject({ valid: true, comparators: 62 });
  });

  it('reads the 60-comparator network a hillis-16 run with the climb found (examples/evolved-16-60.json): valid, the best known size', () => {
    const file = 'populations/sorting-networks/examples/evolved-16-60.json';
    const g = hillis.solver.decode(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(networkOf(g, 16).comparators).toHaveLength(28);
    const probe = hillis.probe!({ solver: g } as Parameters<NonNullable<typeof hillis.probe>>[0]);
    expect(probe.details).toMatchObject({ valid: true, comparators: 60, inputsSorted: 65536 });
    expect(checkNetwork(parseNetwork(JSON.parse(readFileSync(file, 'utf8')), file))).toMatchObject({ valid: true, comparators: 60, depth: 10 });
  });

  it('refuses a network that does not start with the prefix', () => {
    expect(() => hillis.solver.decode(oddEvenMergeSort(16), 'batcher.json')).toThrow(
      /batcher\.json: comparators\[\d+\] should be \[\d+, \d+\]: this run fixes the first 32 comparators/,
    );
  });

  it("the probe over the prefix's outputs equals the exhaustive check of the whole network", () => {
    const rng = stream('probe-equivalence');
    const g = new Float32Array(hillis.solver.length);
    for (let k = 0; k < 30; k++) {
      hillis.solver.random(rng, g);
      if (k % 2) hillis.solver.mutate(g, rng);
      const exhaustive = checkNetwork(parseNetwork(hillis.solver.encode(g), 'g'));
      const probe = hillis.probe!({ solver: g } as Parameters<NonNullable<typeof hillis.probe>>[0]);
      expect(probe.details).toEqual({ ...exhaustive });
      expect(probe.score).toBe(exhaustive.inputsSorted / 65536);
    }
  });

  it("test cases are only the prefix's unsorted outputs, after random draws, mutation and crossover", () => {
    const spec = hillis.challenger;
    const rng = stream('test-cases');
    const a = new Float32Array(spec.length);
    const b = new Float32Array(spec.length);
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) {
      spec.random(rng, a);
      spec.random(rng, b);
      const child = new Float32Array(spec.length);
      spec.crossover(a, b, rng, child);
      spec.mutate(child, rng);
      for (const v of [...a, ...child]) {
        // An output of the prefix is a fixed point of it; a fixed point is its own output.
        expect(applyComparators(prefix16, v)).toBe(v);
        expect(isSortedVector(v, 16)).toBe(false);
        seen.add(v);
      }
    }
    // The draws reach most of the 151 (they are not stuck on a few).
    expect(seen.size).toBeGreaterThan(140);
    expect(() => spec.decode({ inputs: 16, vectors: Array(16).fill('1000000000000000') }, 'tests.json')).toThrow(
      /tests\.json: vectors\[0\] is not one of the 151 unsorted outputs/,
    );
  });
});

describe('pruning', () => {
  it('clears exactly the comparators that never exchange, and changes no output', () => {
    const space = allInputs(6);
    const rng = stream('prune');
    const inst = create({ inputs: 6 });
    for (let k = 0; k < 20; k++) {
      const g = new Float32Array(inst.solver.length);
      inst.solver.random(rng, g);
      const pruned = g.slice();
      const cleared = pruneSlots(space, pruned);
      const before = networkOf(g, 6).comparators;
      const after = networkOf(pruned, 6).comparators;
      expect(after.length).toBe(before.length - cleared);
      for (let x = 0; x < 64; x++) expect(applyComparators(after, x)).toBe(applyComparators(before, x));
      // What is left fires on some input (checked the slow way): pruning again clears nothing.
      after.forEach((_, m) => {
        const upTo = after.slice(0, m);
        const [i, j] = after[m]!;
        const fires = Array.from({ length: 64 }, (_, x) => applyComparators(upTo, x)).some((y) => ((y >> i) & 1) === 1 && ((y >> j) & 1) === 0);
        expect(fires).toBe(true);
      });
      expect(pruneSlots(space, pruned)).toBe(0);
    }
  });

  it('with a prefix it prunes against the unsorted outputs, and every mutant and crossover child is pruned', () => {
    const space = vectorSpace(16, prefixSpace(16, prefix16).unsorted);
    const rng = stream('prune-prefix');
    const a = new Float32Array(hillis.solver.length);
    const b = new Float32Array(hillis.solver.length);
    for (let k = 0; k < 20; k++) {
      hillis.solver.random(rng, a);
      hillis.solver.random(rng, b);
      const child = new Float32Array(a.length);
      hillis.solver.crossover(a, b, rng, child);
      expect(pruneSlots(space, child.slice())).toBe(0);
      hillis.solver.mutate(a, rng);
      expect(pruneSlots(space, a.slice())).toBe(0);
    }
  });
});

describe('completion', () => {
  it('makes every child sort all 2^n inputs (given free slots), keeps it pruned, and is deterministic', () => {
    const inst = create({ inputs: 16, prefix: 'hypercube', maxComparators: 100, prune: true, complete: true });
    const space = vectorSpace(16, prefixSpace(16, prefix16).unsorted);
    const run = (seed: string) => {
      const rng = stream(seed);
      const a = new Float32Array(inst.solver.length);
      const b = new Float32Array(inst.solver.length);
      const out: number[][] = [];
      for (let k = 0; k < 10; k++) {
        inst.solver.random(rng, a);
        inst.solver.random(rng, b);
        const child = new Float32Array(a.length);
        inst.solver.crossover(a, b, rng, child);
        inst.solver.mutate(child, rng);
        expect(checkNetwork(parseNetwork(inst.solver.encode(child), 'child')).valid).toBe(true);
        expect(pruneSlots(space, child.slice())).toBe(0);
        out.push([...child]);
      }
      return out;
    };
    expect(run('complete')).toEqual(run('complete'));
  });

  it('then drops every comparator the network can do without: what is left sorts all and none can go', () => {
    const inst = create({ inputs: 16, prefix: 'hypercube', maxComparators: 100, prune: true, complete: true });
    const rng = stream('reduce');
    const g = new Float32Array(inst.solver.length);
    for (let k = 0; k < 5; k++) {
      inst.solver.random(rng, g);
      inst.solver.mutate(g, rng);
      const net = parseNetwork(inst.solver.encode(g), 'g');
      expect(checkNetwork(net).valid).toBe(true);
      for (let m = 32; m < net.comparators.length; m++) {
        const without = { inputs: 16, comparators: net.comparators.filter((_, x) => x !== m) };
        expect(checkNetwork(without).valid, `comparator ${m} could go`).toBe(false);
      }
    }
  });

  it('is refused without pruning', () => {
    expect(() => create({ inputs: 8, complete: true })).toThrow(/option "complete".*"prune": true/);
  });
});

describe('tie-break by size, then depth', () => {
  it('orders equal sizes by depth and never lets depth outweigh a comparator', () => {
    const inst = create({ inputs: 8, tieBreak: 'size-depth', maxComparators: 20 });
    const g = (cs: Array<[number, number]>) => inst.solver.decode({ inputs: 8, comparators: cs }, 't');
    const shallow = g([[0, 1], [2, 3]]);
    const deep = g([[0, 1], [1, 2]]);
    const bigger = g([[0, 1], [2, 3], [4, 5]]);
    const cost = inst.solverCost!;
    expect(cost(shallow)).toBeLessThan(cost(deep));
    expect(cost(deep)).toBeLessThan(cost(bigger));
    expect(cost(bigger)).toBeLessThan(1);
  });
});

describe('the example config', () => {
  it('hillis-16.json is accepted as it stands', () => {
    const file = 'populations/sorting-networks/examples/hillis-16.json';
    const config = parseConfigFile(JSON.parse(readFileSync(file, 'utf8')), file);
    const { config: resolved, instance } = resolveConfig(sortingNetworks, [{ source: file, config }]);
    expect(resolved.selection.scheme).toBe('grid');
    expect(instance.options).toMatchObject({ inputs: 16, prefix: 'hypercube', prune: true, complete: true, climbSteps: 16000 });
  });
});
