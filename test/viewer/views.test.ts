/** The pure parts of the domain views: CA rules, network layout, number-game points. */
import { describe, expect, it } from 'vitest';
import {
  classifiedCorrectly,
  findConfiguration,
  findRuleHex,
  randomConfiguration,
  ruleTable,
  spaceTime,
  stepCa,
} from '../../viewer/src/views/ca-rule.ts';
import { asNetwork, layoutNetwork } from '../../viewer/src/views/network-layout.ts';
import { scatterOf } from '../../viewer/src/views/points-data.ts';
import { axisExtent } from '../../viewer/src/views/points.ts';
import { rngFromSeed } from '../../core/basics/rng.ts';

const GKL = '005F005F005F005F005FFF5F005FFF5F';

describe('CA rules', () => {
  it('decode the GKL rule to its definition (entry k = cells i-3..i+3, i-3 most significant)', () => {
    const table = ruleTable(GKL)!;
    const maj = (a: number, b: number, c: number) => (a + b + c >= 2 ? 1 : 0);
    for (let k = 0; k < 128; k++) {
      const cell = (d: number) => (k >> (3 - d)) & 1; // d = offset from i, -3..3
      const want = cell(0) === 0 ? maj(cell(0), cell(-1), cell(-3)) : maj(cell(0), cell(1), cell(3));
      expect(table[k], `neighbourhood ${k}`).toBe(want);
    }
  });

  it('step on a circular lattice', () => {
    // Rule "copy the left neighbour" (entry k = bit of cell i-1) shifts the lattice right by one, wrapping.
    const table = new Uint8Array(128).map((_, k) => (k >> 4) & 1);
    const cells = Uint8Array.from([1, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect([...stepCa(table, cells)]).toEqual([0, 1, 0, 0, 0, 0, 1, 1, 0]);
  });

  it('GKL classifies most random configurations correctly (it scores ~0.8 in the literature)', () => {
    const table = ruleTable(GKL)!;
    let correct = 0;
    for (let s = 0; s < 100; s++) {
      const ic = randomConfiguration(149, s + 1);
      const rows = spaceTime(table, ic, 320);
      if (classifiedCorrectly(ic, rows[rows.length - 1]!)) correct++;
    }
    expect(correct).toBeGreaterThan(65);
    expect(correct).toBeLessThan(100);
  });

  it('find the rule and a configuration inside any JSON wrapping', () => {
    expect(findRuleHex({ rule: GKL })).toBe(GKL);
    expect(findRuleHex(GKL.toLowerCase())).toBe(GKL.toLowerCase());
    expect(findRuleHex({ rule: 'XYZ' })).toBeNull();
    expect([...findConfiguration({ ic: '0101010101' })!]).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(findConfiguration([[1, 0, 1, 1, 0, 0, 1, 0, 1]])?.length).toBe(9);
    expect(findConfiguration({ n: 149 })).toBeNull();
    expect(ruleTable('00')).toBeNull();
  });
});

describe('network layout', () => {
  it('groups comparators into layers of disjoint wires, as deep as the network', () => {
    const rng = rngFromSeed('layout');
    for (let t = 0; t < 50; t++) {
      const inputs = 2 + rng.int(14);
      const comparators: Array<[number, number]> = [];
      for (let k = rng.int(60); k > 0; k--) {
        const i = rng.int(inputs - 1);
        comparators.push([i, i + 1 + rng.int(inputs - 1 - i)]);
      }
      const layout = layoutNetwork({ inputs, comparators });
      expect(layout.comparators).toHaveLength(comparators.length);
      // Independent depth: longest chain through shared wires.
      const free = new Array<number>(inputs).fill(0);
      for (const [i, j] of comparators) free[i] = free[j] = Math.max(free[i]!, free[j]!) + 1;
      expect(layout.depth).toBe(Math.max(0, ...free));
      // No two comparators drawn in one column overlap; each wire's comparators stay in order.
      const lastColumn = new Array<number>(inputs).fill(-1);
      layout.comparators.forEach((c, k) => {
        expect([c.i, c.j]).toEqual(comparators[k]);
        for (const w of [c.i, c.j]) {
          expect(c.column).toBeGreaterThan(lastColumn[w]!);
          lastColumn[w] = c.column;
        }
        for (const d of layout.comparators) {
          if (d !== c && d.column === c.column) expect(d.j < c.i || d.i > c.j).toBe(true);
        }
      });
    }
  });

  it('accepts only well-formed networks', () => {
    expect(asNetwork({ inputs: 4, comparators: [[0, 1]] })).not.toBeNull();
    expect(asNetwork({ inputs: 4, comparators: [[1, 0]] })).toBeNull();
    expect(asNetwork({ inputs: 4, comparators: [[0, 4]] })).toBeNull();
    expect(asNetwork({ inputs: 4 })).toBeNull();
    expect(asNetwork('x')).toBeNull();
  });
});

describe('number-game points', () => {
  it('plots the first two dimensions and scales integer genomes into the unit square', () => {
    const s = scatterOf({ solvers: [[0.5, 0.25, 0.9]], challengers: [{ point: [1, 0, 0] }] }, { solver: [0.5, 0.25, 0.9], challenger: null });
    expect(s.dims).toBe(3);
    expect(s.solvers).toEqual([[0.5, 0.25]]);
    expect(s.challengers).toEqual([[1, 0]]);
    const ints = scatterOf({ solvers: [[10, 20], [40, 0]], challengers: [] }, { solver: null, challenger: null });
    expect(ints.solvers).toEqual([
      [0.25, 0.5],
      [1, 0],
    ]);
    // A declared resolution fixes the scale, whatever the largest coordinate.
    const declared = scatterOf(
      { solvers: [{ point: [10, 20], resolution: 100 }], challengers: [{ point: [50, 0], resolution: 100 }] },
      { solver: { point: [10, 20], resolution: 100 }, challenger: null },
    );
    expect(declared.solvers).toEqual([[0.1, 0.2]]);
    expect(declared.challengers).toEqual([[0.5, 0]]);
    const one = scatterOf({ solvers: [[0.2], [0.4], [0.6]], challengers: [] }, { solver: null, challenger: null });
    expect(one.solvers.map((p) => p[1])).toEqual([0, 0.5, 1]);
  });

  it('zooms the scatter to the smallest of 1/16 .. 1 that holds every player, with a margin', () => {
    expect(axisExtent([[0.05, 0.1], [0.02, 0.15]])).toBe(0.25);
    expect(axisExtent([[0.04, 0.05]])).toBe(1 / 16);
    // 0.49 plus the 5% margin no longer fits in 0.5.
    expect(axisExtent([[0.49, 0.1]])).toBe(1);
    expect(axisExtent([[0.3, 0.6]])).toBe(1);
    expect(axisExtent([])).toBe(1 / 16);
  });
});
