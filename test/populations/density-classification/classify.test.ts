/**
 * The reference against an independent naive simulation, the correctness
 * rule's edge cases, and the fast classifier (probe, eval) against the
 * reference.
 */
import { describe, expect, it } from 'vitest';
import { classifyReference } from '../../../populations/density-classification/classify.ts';
import { fastClassifier } from '../../../populations/density-classification/fast-classify.ts';
import { GKL_HEX, hexToRule } from '../../../populations/density-classification/rule.ts';
import { stream, type Rng } from '../../../core/basics/rng.ts';

/** Run exactly `steps` steps, neighbourhoods by modular indexing; no shortcuts. */
function naiveFinal(rule: ArrayLike<number>, ic: ArrayLike<number>, steps: number): number[] {
  const n = ic.length;
  let cur = Array.from(ic);
  for (let t = 0; t < steps; t++) {
    cur = cur.map((_, i) => {
      let k = 0;
      for (let d = -3; d <= 3; d++) k = k * 2 + cur[(((i + d) % n) + n) % n]!;
      return rule[k]!;
    });
  }
  return cur;
}

/** Correct = all-m after `steps` steps, and all-m a fixed point of the rule. */
function naiveClassify(rule: ArrayLike<number>, ic: ArrayLike<number>, steps: number): 0 | 1 {
  const ones = Array.from(ic).reduce((a, b) => a + b, 0);
  const m = 2 * ones > ic.length ? 1 : 0;
  const fixed = rule[m === 1 ? 127 : 0] === m;
  return fixed && naiveFinal(rule, ic, steps).every((c) => c === m) ? 1 : 0;
}

function randomRule(rng: Rng): Float32Array {
  const lambda = rng.next();
  return Float32Array.from({ length: 128 }, () => (rng.chance(lambda) ? 1 : 0));
}

function randomIc(rng: Rng, size: number, density = rng.next()): Float32Array {
  return Float32Array.from({ length: size }, () => (rng.chance(density) ? 1 : 0));
}

/** GKL, evolved-looking variants of it, and low/high-lambda rules: cases that do reach uniform states. */
function interestingRule(rng: Rng): Float32Array {
  if (rng.chance(0.5)) return randomRule(rng);
  const g = hexToRule(GKL_HEX, 'gkl');
  for (let n = rng.int(4); n > 0; n--) g[rng.int(128)] = 1 - g[rng.int(128)]!;
  return g;
}

describe('density classification: the interaction', () => {
  it('reference equals a naive fixed-length simulation on random rules and ICs', () => {
    const rng = stream('naive');
    let correct = 0;
    for (let trial = 0; trial < 400; trial++) {
      const size = 7 + 2 * rng.int(30);
      const steps = rng.int(80);
      const rule = interestingRule(rng);
      const ic = randomIc(rng, size);
      const want = naiveClassify(rule, ic, steps);
      correct += want;
      expect(classifyReference(rule, ic, steps), `trial ${trial}`).toBe(want);
    }
    // The cases must include both outcomes, or the comparison proves little.
    expect(correct).toBeGreaterThan(40);
    expect(correct).toBeLessThan(360);
  });

  it('does not credit a rule that flips between all-0 and all-1', () => {
    // Each cell takes the opposite of its own state: all-0 <-> all-1 forever.
    const flip = Float32Array.from({ length: 128 }, (_, k) => 1 - ((k >> 3) & 1));
    for (const m of [0, 1]) {
      const ic = new Float32Array(149).fill(m);
      for (const steps of [319, 320]) {
        const endsRight = naiveFinal(flip, ic, steps).every((c) => c === m);
        // The loophole is real: on even step limits the lattice ends in the right uniform state.
        expect(endsRight).toBe(steps % 2 === 0);
        expect(classifyReference(flip, ic, steps)).toBe(0);
      }
    }
  });

  it('does not credit a lattice that is all-m at some step when all-m is not a fixed point', () => {
    // All-1 at step 0 is the majority, but this rule maps all-1 to all-0 (a fixed point).
    const rule = hexToRule(GKL_HEX, 'gkl');
    const allOnes = new Float32Array(149).fill(1);
    expect(classifyReference(rule, allOnes, 320)).toBe(1);
    rule[127] = 0;
    for (const steps of [0, 1, 320]) expect(classifyReference(rule, allOnes, steps)).toBe(0);
    expect(naiveFinal(rule, allOnes, 1).every((c) => c === 0)).toBe(true);
  });

  it('does not credit a rule that maps all-1 to all-0 on majority-1 ICs', () => {
    const rule = hexToRule(GKL_HEX, 'gkl');
    rule[127] = 0; // all-1 -> all-0, which is fixed (table[0] = 0)
    const gkl = hexToRule(GKL_HEX, 'gkl');
    const rng = stream('all-one');
    let gklRight = 0;
    for (let n = 0; n < 40; n++) {
      const ic = randomIc(rng, 149, 0.8);
      gklRight += classifyReference(gkl, ic, 320);
      expect(classifyReference(rule, ic, 320)).toBe(0);
    }
    expect(gklRight).toBe(40);
  });

  it('credits the uniform start itself only when it is a fixed point of the majority', () => {
    const zero = new Float32Array(9);
    const gkl = hexToRule(GKL_HEX, 'gkl');
    expect(classifyReference(gkl, zero, 0)).toBe(1);
    const bad = gkl.slice();
    bad[0] = 1;
    expect(classifyReference(bad, zero, 5)).toBe(0);
  });

  it('the fast classifier (probe, eval) agrees with the reference', () => {
    const rng = stream('fast');
    for (let trial = 0; trial < 300; trial++) {
      // Sizes whose last 8-cell chunk is 1 or 2 cells exercise the general window path.
      const size = [9, 17, 49, 57, 149][rng.int(5)]! + 2 * rng.int(3);
      const steps = 1 + rng.int(200);
      const rule = interestingRule(rng);
      const fast = fastClassifier(rule, size, steps);
      for (let n = 0; n < 5; n++) {
        const ic = randomIc(rng, size);
        expect(fast.classify(ic), `size ${size} steps ${steps}`).toBe(classifyReference(rule, ic, steps));
      }
    }
  });
});
