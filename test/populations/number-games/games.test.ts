import { describe, expect, it } from 'vitest';
import { GAME_ID, numberGameReference } from '../../../populations/number-games/games.ts';
import { numberGames } from '../../../populations/number-games/index.ts';
import { stream } from '../../../core/basics/rng.ts';
import { createPopulation, genome } from '../../../core/basics/population.ts';

const play = (game: keyof typeof GAME_ID, a: number[], b: number[]) =>
  numberGameReference(GAME_ID[game], a.length, Float32Array.from(a), Float32Array.from(b));

describe('number games (Watson & Pollack 2001)', () => {
  it('sum game: the larger sum wins, equal sums draw', () => {
    expect(play('sum', [5, 1], [2, 3])).toBe(2);
    expect(play('sum', [1, 1], [2, 3])).toBe(0);
    expect(play('sum', [4, 1], [2, 3])).toBe(1);
  });

  it('intransitive game: decided on the closest dimension', () => {
    // Closest is dimension 1 (|4-5| = 1): the challenger is larger there.
    expect(play('intransitive', [9, 4], [1, 5])).toBe(0);
    // Closest is dimension 0 (|3-2| = 1): the solver is larger there, though smaller in sum.
    expect(play('intransitive', [3, 0], [2, 9])).toBe(2);
    // Equal on the closest dimension: a draw, whatever the rest.
    expect(play('intransitive', [3, 9], [3, 0])).toBe(1);
    // Equally close dimensions: the lowest one decides.
    expect(play('intransitive', [2, 5], [3, 4])).toBe(0);
  });

  it('intransitive game has a cycle: A beats B, B beats C, C beats A', () => {
    const A = [4, 1];
    const B = [1, 3];
    const C = [3, 5];
    // B beats A on dimension 1, C beats B on dimension 0 (a tie of distances goes to the lowest), A beats C on dimension 0.
    const beats = (x: number[], y: number[]) => play('intransitive', x, y) === 2;
    const players = [A, B, C];
    const wins = players.map((x) => players.map((y) => beats(x, y)));
    // Every player beats exactly one other and loses to the third: a cycle.
    for (let i = 0; i < 3; i++) expect(wins[i]!.filter(Boolean).length).toBe(1);
    const sums = players.map((p) => p[0]! + p[1]!);
    expect(new Set(sums).size).toBe(3); // and the cycle ignores who is objectively larger
  });

  it('focusing game: decided on the dimension of largest difference', () => {
    expect(play('focusing', [9, 0], [1, 5])).toBe(2);
    expect(play('focusing', [2, 0], [1, 5])).toBe(0);
    expect(play('focusing', [4, 4], [4, 4])).toBe(1);
  });

  it('is symmetric: swapping the players swaps win and loss', () => {
    const rng = stream('symmetry');
    for (const game of ['sum', 'intransitive', 'focusing'] as const) {
      for (let k = 0; k < 200; k++) {
        const a = Array.from({ length: 3 }, () => rng.int(6));
        const b = Array.from({ length: 3 }, () => rng.int(6));
        expect(play(game, a, b) + play(game, b, a)).toBe(2);
      }
    }
  });
});

describe('number-games domain', () => {
  const instance = numberGames.create(numberGames.options.parse({ dims: 2, resolution: 100, mutationStep: 2, mutationBias: 0.75 }));

  it('mutation is biased downwards: without selection a population drifts down', () => {
    const rng = stream('drift');
    const g = Float32Array.from([50, 50]);
    for (let k = 0; k < 400; k++) instance.solver.mutate(g, rng);
    expect(g[0]! + g[1]!).toBeLessThan(60);
    for (const x of g) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(x)).toBe(true);
    }
  });

  it('decodes points and refuses bad ones naming the source and the fix', () => {
    expect(Array.from(instance.solver.decode({ point: [3, 7], resolution: 100 }, 'p.json'))).toEqual([3, 7]);
    expect(Array.from(instance.solver.decode([0, 100], 'p.json'))).toEqual([0, 100]);
    expect(() => instance.solver.decode([1, 2, 3], 'p.json')).toThrow(/p\.json: expected \{"point": \[2 integers/);
    expect(() => instance.solver.decode([1, 101], 'p.json')).toThrow(/point\[1\] must be an integer from 0 to 100/);
    expect(() => instance.solver.decode([1.5, 1], 'p.json')).toThrow(/point\[0\]/);
    expect(() => instance.solver.decode({ point: [1, 1], resolution: 50 }, 'p.json')).toThrow(/resolution/);
  });

  it("probes the champion's objective position, per dimension and for the population", () => {
    const solvers = createPopulation(2, 2);
    genome(solvers, 0).set([20, 60]);
    genome(solvers, 1).set([40, 0]);
    const challengers = createPopulation(1, 2);
    genome(challengers, 0).set([10, 10]);
    const p = instance.probe!({
      solver: genome(solvers, 0),
      challenger: genome(challengers, 0),
      solvers,
      challengers,
      generation: 3,
      seed: 's',
    });
    expect(p.score).toBeCloseTo(0.4);
    expect(p.details.dimensions).toEqual([0.2, 0.6]);
    expect(p.details.populationDimensions).toEqual([0.3, 0.3]);
    expect(p.details.challengers).toBeCloseTo(0.1);
  });

  it('refuses unknown games by name', () => {
    const r = numberGames.options.safeParse({ game: 'chess' });
    expect(r.success).toBe(false);
  });
});
