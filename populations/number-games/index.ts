/**
 * Number games (Watson & Pollack 2001): the minimal substrate for the
 * pathologies of coevolution. Solvers and challengers are both points in d
 * integer dimensions; the game decides who wins (games.ts). Selection sees
 * only wins and losses (perceived progress); the probe shows the objective
 * position, the champion's mean coordinate, so a user can see cycling,
 * disengagement and focusing as the gap between the two.
 */
import { z } from 'zod';
import { genome, type Domain, type ProbeContext } from '../../core/index.ts';
import { GAME_ID, GAMES, numberGameKernel, numberGameReference } from './games.ts';
import { pointGenome } from './point.ts';
import { numberGamesWasmKernel } from './wasm.ts';

const options = z.strictObject({
  game: z.enum(GAMES).default('intransitive').describe('intransitive | focusing | sum'),
  dims: z.number().int().min(1).max(16).default(2).describe('dimensions of a player'),
  resolution: z.number().int().min(1).max(1_000_000).default(1000).describe('largest coordinate value'),
  initialMax: z.number().int().min(0).max(1_000_000).default(10).describe('random players start in 0..initialMax'),
  mutationStep: z.number().int().min(1).max(1000).default(4).describe('a mutation moves a coordinate by 1..step'),
  mutationBias: z.number().min(0).max(1).default(0.6).describe('probability that a mutation moves down'),
});

/** Mean coordinate of each dimension over a population, scaled to [0, 1]. */
function dimensionMeans(pop: ProbeContext['solvers'], resolution: number): number[] {
  const sums = new Array<number>(pop.length).fill(0);
  for (let i = 0; i < pop.size; i++) {
    const g = genome(pop, i);
    for (let d = 0; d < pop.length; d++) sums[d]! += g[d]!;
  }
  return sums.map((s) => (pop.size ? s / pop.size / resolution : 0));
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export const numberGames: Domain<typeof options> = {
  name: 'number-games',
  title: 'Number games (Watson & Pollack 2001)',
  options,
  defaults: { solvers: 64, challengers: 64, generations: 500 },
  create(opts) {
    const { game, dims, resolution } = opts;
    const id = GAME_ID[game];
    const spec = (noun: string) => pointGenome(opts, noun);
    return {
      name: 'number-games',
      options: { ...opts },
      solver: spec('solver point'),
      challenger: spec('challenger point'),
      kernel: { source: numberGameKernel, constants: { dims, game: id }, loopMaxIterations: dims },
      wasm: numberGamesWasmKernel(dims, id),
      rawScale: 2,
      reference: (s, c) => numberGameReference(id, dims, s, c),
      workUnits: { name: 'dimension-comparisons', count: () => dims },
      probe({ solver, solvers, challengers }) {
        const dimensions = Array.from(solver, (x) => x / resolution);
        const population = dimensionMeans(solvers, resolution);
        return {
          score: mean(dimensions),
          label: `champion solver's mean coordinate / ${resolution} (objective, not the game)`,
          details: {
            objective: mean(dimensions),
            dimensions,
            population: mean(population),
            populationDimensions: population,
            challengers: mean(dimensionMeans(challengers, resolution)),
          },
        };
      },
      summarize: (s) => `point (${Array.from(s).join(', ')}), objective ${(mean(Array.from(s)) / resolution).toFixed(3)}`,
      view: 'points',
    };
  },
  testOptions: { dims: 3, initialMax: 20 },
};
