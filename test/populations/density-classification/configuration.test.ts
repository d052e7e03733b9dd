import { describe, expect, it } from 'vitest';
import { configurationGenome, countOnes } from '../../../populations/density-classification/configuration.ts';
import { densityClassification } from '../../../populations/density-classification/index.ts';
import { stream } from '../../../core/basics/rng.ts';

const spec = configurationGenome(149);

describe('initial configurations', () => {
  it('random ICs spread their density over [0, 1]', () => {
    const rng = stream('ic-density');
    const densities = Array.from({ length: 400 }, () => {
      const g = new Float32Array(149);
      spec.random(rng, g);
      return countOnes(g) / 149;
    });
    const bins = [0, 0, 0, 0, 0];
    for (const d of densities) bins[Math.min(4, Math.floor(d * 5))]!++;
    // Uniform densities put about 80 in each fifth; unbiased cells would put nearly all in the middle one.
    for (const b of bins) expect(b).toBeGreaterThan(40);
  });

  it('mutation moves the density by a few cells, both ways, or keeps it while moving cells', () => {
    const rng = stream('ic-mutate');
    const deltas = new Map<number, number>();
    for (let n = 0; n < 2000; n++) {
      const g = new Float32Array(149);
      for (let i = 0; i < 149; i++) g[i] = i < 74 ? 1 : 0;
      const before = g.slice();
      spec.mutate(g, rng);
      const d = countOnes(g) - 74;
      deltas.set(d, (deltas.get(d) ?? 0) + 1);
      expect(Math.abs(d)).toBeLessThan(20);
      expect(g.some((v, i) => v !== before[i])).toBe(true);
    }
    expect(deltas.get(0)! / 2000).toBeGreaterThan(0.4);
    expect(deltas.get(1)! + deltas.get(-1)!).toBeGreaterThan(300);
    const up = [...deltas].filter(([d]) => d > 0).reduce((s, [, c]) => s + c, 0);
    const down = [...deltas].filter(([d]) => d < 0).reduce((s, [, c]) => s + c, 0);
    expect(Math.abs(up - down)).toBeLessThan(0.15 * (up + down));
  });

  it('crossover takes each cell from one parent', () => {
    const rng = stream('ic-cross');
    const a = new Float32Array(149).fill(0);
    const b = new Float32Array(149).fill(1);
    const out = new Float32Array(149);
    const seen = new Set<number>();
    for (let n = 0; n < 50; n++) {
      spec.crossover(a, b, rng, out);
      seen.add(countOnes(out));
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('encodes size, ones and the configuration; decode checks each', () => {
    const g = Float32Array.from({ length: 149 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const json = spec.encode(g) as { size: number; ones: number; configuration: string };
    expect(json.size).toBe(149);
    expect(json.ones).toBe(50);
    expect(json.configuration).toMatch(/^100100/);
    expect(Array.from(spec.decode(json, 'ic.json'))).toEqual(Array.from(g));
    expect(() => spec.decode({ ...json, configuration: '0101' }, 'ic.json')).toThrow(/ic\.json: "configuration" has 4 cells but this run's lattice has 149 \(--size\)/);
    expect(() => spec.decode({ ...json, ones: 3 }, 'ic.json')).toThrow(/ic\.json: "ones" is 3 but the configuration holds 50 ones/);
    expect(() => spec.decode({ ...json, configuration: '2'.repeat(149) }, 'ic.json')).toThrow(/ic\.json: "configuration" must be a string of 0\/1 digits/);
    expect(() => spec.decode({ ...json, size: 151 }, 'ic.json')).toThrow(/ic\.json: "size" is 151/);
    expect(() => spec.decode({ ...json, colour: 1 }, 'ic.json')).toThrow(/ic\.json: unknown field "colour"/);
  });

  it('refuses an even lattice size with the reason', () => {
    const r = densityClassification.options.safeParse({ size: 150 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/size must be odd .*no ties/);
    expect(densityClassification.options.parse({})).toEqual({ size: 149, steps: 320, immigrants: 0.5, symmetric: true });
  });
});
