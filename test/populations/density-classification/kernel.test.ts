/**
 * The chunked kernels at the default lattice (N=149, 320 steps) against the
 * reference, on evolved-looking rules (GKL and its mutants run long, unlike
 * most random rules), plus the host-side packing they rely on. The contract
 * test covers every variant and backend at the small test size.
 */
import { describe, expect, it } from 'vitest';
import { densityClassification } from '../../../populations/density-classification/index.ts';
import { layout, packConfiguration, packRule } from '../../../populations/density-classification/packing.ts';
import { GKL_HEX, hexToRule } from '../../../populations/density-classification/rule.ts';
import { kernelEvaluator, referenceEvaluator, roundRobinOpponents } from '../../../core/backends/evaluator.ts';
import { createPopulation, genome } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';
import { workingBackends } from '../../helpers/backends.ts';

const backends = await workingBackends();
// One backend at full size keeps CI time modest: the shader path when there is one.
const fullSizeBackend = backends.includes('headlessgl') ? 'headlessgl' : backends.includes('webasm') ? 'webasm' : 'cpu';

describe('density classification kernels', () => {
  it('chunk layout covers the ring; short last chunks are allowed', () => {
    for (const [size, k] of [[149, 6], [49, 6], [49, 8], [7, 4], [149, 1]] as const) {
      const lay = layout(size, k);
      expect(lay.chunks.reduce((s, c) => s + c.length, 0)).toBe(size);
      expect(lay.chunks.every((c, j) => c.start === j * k && c.length >= 1 && c.length <= k)).toBe(true);
    }
  });

  it('a chunk table entry is the next value of the chunk inside its window', () => {
    const lay = layout(149, 6);
    const rule = hexToRule(GKL_HEX, 'gkl');
    const row = new Float32Array(lay.tableEntries + 2);
    packRule(rule, lay, row);
    const rng = stream('table');
    for (let n = 0; n < 200; n++) {
      const w = rng.int(lay.tableEntries);
      const cells = Array.from({ length: 12 }, (_, q) => (w >> (11 - q)) & 1);
      let want = 0;
      for (let r = 0; r < 6; r++) want = want * 2 + rule[cells.slice(r, r + 7).reduce((a, b) => a * 2 + b, 0)]!;
      expect(row[w]).toBe(want);
    }
    expect([row[lay.tableEntries], row[lay.tableEntries + 1]]).toEqual([1, 1]);
    const ic = new Float32Array(149).fill(1);
    const packed = new Float32Array(lay.icWidth);
    packConfiguration(ic, lay, packed);
    expect(packed.subarray(0, lay.chunks.length).reduce((a, b) => a + b, 0)).toBe(lay.full);
    expect(packed[lay.chunks.length]).toBe(1);
  });

  it(`default size: every kernel on ${fullSizeBackend} equals the reference on GKL-like rules and random ICs`, async () => {
    const d = densityClassification.create(densityClassification.options.parse({}));
    const rng = stream('full-size');
    const rules = createPopulation(12, 128);
    const ics = createPopulation(16, 149);
    for (let r = 0; r < rules.size; r++) {
      const g = genome(rules, r);
      g.set(hexToRule(GKL_HEX, 'gkl'));
      for (let n = r; n > 0; n--) g[rng.int(128)] = 1 - g[rng.int(128)]!;
    }
    for (let c = 0; c < ics.size; c++) {
      const density = 0.35 + 0.3 * rng.next();
      genome(ics, c).set(Float32Array.from({ length: 149 }, () => (rng.chance(density) ? 1 : 0)));
    }
    const opp = roundRobinOpponents(rules.size, ics.size);
    const want = await referenceEvaluator(d).evaluate(rules, ics, opp, ics.size);
    expect(want.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
    expect(want.reduce((a, b) => a + b, 0)).toBeLessThan(want.length - 10);
    for (const [name, kernel] of [['default', d.kernel], ...Object.entries(d.kernelVariants ?? {})] as const) {
      const evaluator = await kernelEvaluator({ ...d, kernel }, fullSizeBackend);
      try {
        expect(Array.from(await evaluator.evaluate(rules, ics, opp, ics.size)), name).toEqual(Array.from(want));
      } finally {
        await evaluator.destroy();
      }
    }
  });
});
