/**
 * The climb of the shrinking phase (climb.ts): over random valid networks
 * (random comparators, completed), with and without a prefix, every move it
 * keeps leaves a network that sorts all 2^n inputs (checked by plain arrays,
 * none of the bit-sliced code) and never a larger one; single moves keep
 * comparators standard; the options are refused without completion and
 * leave run.json as it was when off.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyMove, climber, CLIMB_MOVES } from '../../../populations/sorting-networks/climb.ts';
import { allInputs, completeSlots, vectorSpace } from '../../../populations/sorting-networks/space.ts';
import { activeComparators, networkOf } from '../../../populations/sorting-networks/genome.ts';
import { prefixComparators, prefixSpace, withPrefix } from '../../../populations/sorting-networks/prefix.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { rngFromSeed } from '../../../core/basics/rng.ts';
import { sortsAll } from '../../helpers/sorting-check.ts';

const create = (options: Record<string, unknown>) => sortingNetworks.create(sortingNetworks.options.parse(options));

/** A genome of `slots` slots holding `pairs` (i != j), completed so that it sorts the space. */
function validGenome(space: ReturnType<typeof allInputs>, slots: number, pairs: ReadonlyArray<readonly [number, number]>, seed: string) {
  const g = new Float32Array(2 * slots);
  pairs.slice(0, slots).forEach(([i, j], k) => {
    g[2 * k] = Math.min(i, j);
    g[2 * k + 1] = Math.max(i, j);
  });
  return completeSlots(space, g, rngFromSeed(seed)) === 0 ? g : null;
}

const pair = (n: number) =>
  fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([i, j]) => i !== j);

describe('the climb keeps networks valid and never larger', () => {
  it('without a prefix: random valid networks on 4 to 7 wires', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 7 }).chain((n) => fc.tuple(fc.constant(n), fc.array(pair(n), { maxLength: 30 }))),
        fc.string({ maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0, 5, 50),
        ([n, pairs], seed, moves, escape) => {
          const space = allInputs(n);
          const g = validGenome(space, 40, pairs, seed);
          fc.pre(g !== null);
          const before = activeComparators(g!);
          expect(sortsAll(networkOf(g!, n))).toBe(true);
          climber(space, moves, escape)(g!, 300, rngFromSeed(`climb ${seed}`));
          expect(sortsAll(networkOf(g!, n))).toBe(true);
          expect(activeComparators(g!)).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('after the 8-input hypercube prefix: the whole network stays a sorting network', () => {
    const prefix = prefixComparators('hypercube', 8, undefined);
    const space = vectorSpace(8, prefixSpace(8, prefix).unsorted);
    fc.assert(
      fc.property(fc.array(pair(8), { maxLength: 12 }), fc.string({ maxLength: 6 }), (pairs, seed) => {
        const g = validGenome(space, 30, pairs, seed);
        fc.pre(g !== null);
        const before = activeComparators(g!);
        climber(space, 2, 20)(g!, 500, rngFromSeed(seed));
        expect(sortsAll(withPrefix(prefix, networkOf(g!, 8)))).toBe(true);
        expect(activeComparators(g!)).toBeLessThanOrEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('a network that does not sort the space is left as it is, its comparators moved to the front', () => {
    const g = Float32Array.from([0, 0, 0, 1, 0, 0, 2, 3]);
    expect(climber(allInputs(4))(g, 100, rngFromSeed('x'))).toBe(0);
    expect(Array.from(g)).toEqual([0, 1, 2, 3, 0, 0, 0, 0]);
  });

  it('finds a smaller network where there is one: a bubble sort of 6 inputs (15) shrinks to at most 13', () => {
    const bubble: Array<[number, number]> = [];
    for (let r = 0; r < 6; r++) for (let i = 0; i + 1 < 6 - r; i++) bubble.push([i, i + 1]);
    const space = allInputs(6);
    const g = validGenome(space, 20, bubble, 'b')!;
    expect(activeComparators(g)).toBe(15);
    climber(space, 2, 100)(g, 20_000, rngFromSeed('shrink'));
    expect(sortsAll(networkOf(g, 6))).toBe(true);
    expect(activeComparators(g)).toBeLessThanOrEqual(13);
  });
});

describe('single moves', () => {
  it('keep every comparator standard (lo < hi, wires in range) and change the count only by removal', () => {
    fc.assert(
      fc.property(fc.array(pair(10), { minLength: 2, maxLength: 20 }), fc.constantFrom(...CLIMB_MOVES), fc.string(), (pairs, move, seed) => {
        const lo = Int32Array.from(pairs, ([i, j]) => Math.min(i, j));
        const hi = Int32Array.from(pairs, ([i, j]) => Math.max(i, j));
        const m = applyMove(lo, hi, pairs.length, move, 10, rngFromSeed(seed));
        if (m < 0) return;
        expect(m).toBe(move === 'remove' ? pairs.length - 1 : pairs.length);
        for (let k = 0; k < m; k++) {
          expect(lo[k]).toBeLessThan(hi[k]!);
          expect(lo[k]).toBeGreaterThanOrEqual(0);
          expect(hi[k]).toBeLessThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the climb options', () => {
  it('are refused without completion, naming the options to set', () => {
    expect(() => create({ inputs: 8, prune: true, climbSteps: 10 })).toThrow(/option "climbSteps".*"complete": true/);
  });

  it('are recorded only when on, so that runs without them keep their run.json', () => {
    expect(create({ inputs: 8, prune: true, complete: true }).options).not.toHaveProperty('climbSteps');
    expect(create({ inputs: 8, prune: true, complete: true, climbSteps: 50 }).options).toMatchObject({ climbSteps: 50, climbMoves: 2, climbEscape: 200 });
  });
});
