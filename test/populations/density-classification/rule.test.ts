import { describe, expect, it } from 'vitest';
import { GKL_HEX, hexToRule, majorityRule, parseRule, ruleToHex } from '../../../populations/density-classification/rule.ts';
import { isSymmetric, mirror, ruleGenome } from '../../../populations/density-classification/rule-genome.ts';
import { classifyReference } from '../../../populations/density-classification/classify.ts';
import { stream } from '../../../core/basics/rng.ts';

/** Neighbourhood k as cells i-3 .. i+3 (index 0 is i-3). */
const cellsOf = (k: number) => Array.from({ length: 7 }, (_, d) => (k >> (6 - d)) & 1);

describe('rule format', () => {
  it('GKL_HEX is the Gacs-Kurdyumov-Levin rule', () => {
    // GKL: a 0 cell takes the majority of (i-3, i-1, i); a 1 cell of (i, i+1, i+3).
    const table = hexToRule(GKL_HEX, 'gkl');
    for (let k = 0; k < 128; k++) {
      const c = cellsOf(k);
      const votes = c[3] === 0 ? c[0]! + c[2]! + c[3]! : c[3]! + c[4]! + c[6]!;
      expect(table[k], `neighbourhood ${k}`).toBe(votes >= 2 ? 1 : 0);
    }
  });

  it('reads entry 0 from the most significant bit of the first digit', () => {
    const table = hexToRule('8' + '0'.repeat(30) + '1', 'x');
    expect(table[0]).toBe(1);
    expect(table[127]).toBe(1);
    expect(Array.from(table).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('round-trips random tables through uppercase hex, and accepts lowercase', () => {
    const rng = stream('hex');
    for (let n = 0; n < 100; n++) {
      const g = new Float32Array(128);
      ruleGenome().random(rng, g);
      const hex = ruleToHex(g);
      expect(hex).toMatch(/^[0-9A-F]{32}$/);
      expect(Array.from(hexToRule(hex.toLowerCase(), 'x'))).toEqual(Array.from(g));
    }
  });

  it('decodes {"rule": HEX} and the bare string; encodes {"rule": HEX}', () => {
    const spec = ruleGenome();
    expect(spec.encode(spec.decode({ rule: GKL_HEX.toLowerCase() }, 'f'))).toEqual({ rule: GKL_HEX });
    expect(spec.encode(spec.decode(GKL_HEX, 'f'))).toEqual({ rule: GKL_HEX });
  });

  it('refuses bad rules with the source and the fix', () => {
    expect(() => hexToRule('ABC', 'rule.json')).toThrow(/rule\.json: a radius-3 rule is 32 hex digits .* got 3 characters/);
    expect(() => hexToRule('G' + '0'.repeat(31), '--rule')).toThrow(/--rule: "G" at position 1 is not a hex digit \(use 0-9 and A-F\)/);
    expect(() => parseRule({ rule: 42 }, 'champ.json')).toThrow(/champ\.json: expected \{"rule"/);
    expect(() => parseRule({ rule: GKL_HEX, extra: 1 }, 'champ.json')).toThrow(/champ\.json: unknown field "extra"/);
    expect(() => parseRule({ rule: '00' }, 'champ.json')).toThrow(/champ\.json "rule": a radius-3 rule is 32 hex digits/);
  });

  it('majority rule takes the majority of the 7 cells', () => {
    const t = majorityRule();
    expect(t[0]).toBe(0);
    expect(t[127]).toBe(1);
    expect(t[0b1110000]).toBe(0);
    expect(t[0b1111000]).toBe(1);
  });

  it('random rules spread their lambda over [0, 1]', () => {
    const rng = stream('lambda');
    const lambdas = Array.from({ length: 200 }, () => {
      const g = new Float32Array(128);
      ruleGenome().random(rng, g);
      return g.reduce((a, b) => a + b, 0) / 128;
    });
    expect(Math.min(...lambdas)).toBeLessThan(0.1);
    expect(Math.max(...lambdas)).toBeGreaterThan(0.9);
  });
});

describe('symmetric rules', () => {
  it('mirror is an involution without fixed points; GKL is symmetric, a one-entry edit of it is not', () => {
    for (let k = 0; k < 128; k++) {
      expect(mirror(mirror(k))).toBe(k);
      expect(mirror(k)).not.toBe(k);
    }
    expect(isSymmetric(hexToRule(GKL_HEX, 'gkl'))).toBe(true);
    const lean = hexToRule(GKL_HEX, 'gkl');
    lean[0b0001000] = 1; // a lone 1 survives, while a lone 0 still dies
    expect(isSymmetric(lean)).toBe(false);
  });

  it('random, mutated and crossed symmetric rules stay symmetric; unconstrained ones do not', () => {
    const rng = stream('symmetric');
    const sym = ruleGenome(true);
    const free = ruleGenome(false);
    let freeSymmetric = 0;
    for (let n = 0; n < 100; n++) {
      const a = new Float32Array(128);
      const b = new Float32Array(128);
      const c = new Float32Array(128);
      sym.random(rng, a);
      sym.random(rng, b);
      sym.crossover(a, b, rng, c);
      sym.mutate(c, rng);
      for (const g of [a, b, c]) expect(isSymmetric(g)).toBe(true);
      free.random(rng, a);
      free.mutate(a, rng);
      if (isSymmetric(a)) freeSymmetric++;
    }
    expect(freeSymmetric).toBe(0);
  });

  it('a symmetric rule classifies an IC exactly as it classifies the IC mirrored and complemented', () => {
    const rng = stream('mirror-ic');
    const sym = ruleGenome(true);
    let correct = 0;
    for (let n = 0; n < 150; n++) {
      const rule = new Float32Array(128);
      if (n % 3 === 0) rule.set(hexToRule(GKL_HEX, 'gkl'));
      else sym.random(rng, rule);
      for (let m = n % 3; m > 0; m--) sym.mutate(rule, rng);
      const density = 0.3 + 0.4 * rng.next();
      const ic = Float32Array.from({ length: 59 }, () => (rng.chance(density) ? 1 : 0));
      const mirrored = Float32Array.from(ic, (_, i) => 1 - ic[58 - i]!);
      const outcome = classifyReference(rule, ic, 120);
      correct += outcome;
      expect(classifyReference(rule, mirrored, 120)).toBe(outcome);
    }
    expect(correct).toBeGreaterThan(20);
  });
});
