import { describe, expect, it } from 'vitest';
import { gridFits, gridShape, localTournament, neighbourhood } from '../../../core/engine/grid.ts';
import { breed } from '../../../core/engine/breed.ts';
import { createPopulation, genome } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';
import { ENGINE_DEFAULTS, resolveConfig } from '../../../core/run/config.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';

/** Chebyshev distance on the torus between two cells. */
function distance(a: number, b: number, width: number, height: number): number {
  const dx = Math.abs((a % width) - (b % width));
  const dy = Math.abs(Math.floor(a / width) - Math.floor(b / width));
  return Math.max(Math.min(dx, width - dx), Math.min(dy, height - dy));
}

describe('grid shape and neighbourhoods', () => {
  it('lays a population on the squarest grid its size allows', () => {
    expect(gridShape(256)).toEqual({ width: 16, height: 16 });
    expect(gridShape(64)).toEqual({ width: 8, height: 8 });
    expect(gridShape(200)).toEqual({ width: 10, height: 20 });
    expect(gridShape(13)).toEqual({ width: 1, height: 13 });
    expect(gridFits(64, 3)).toBe(true);
    expect(gridFits(64, 4)).toBe(false);
  });

  it('a neighbourhood is the (2r+1)^2 distinct cells within distance r, wrapping at the edges', () => {
    const { width, height } = gridShape(200);
    for (const radius of [1, 2]) {
      for (const cell of [0, 9, 105, 199]) {
        const cells = [...neighbourhood(cell, { width, height }, radius)];
        expect(new Set(cells).size).toBe((2 * radius + 1) ** 2);
        expect(cells.every((c) => c >= 0 && c < 200 && distance(cell, c, width, height) <= radius)).toBe(true);
      }
    }
    expect([...neighbourhood(0, { width: 4, height: 4 }, 1)].sort((a, b) => a - b)).toEqual([0, 1, 3, 4, 5, 7, 12, 13, 15]);
  });

  it('a local tournament picks the fittest of entrants from the neighbourhood only', () => {
    const fitness = Float64Array.from({ length: 64 }, (_, i) => i);
    const cells = neighbourhood(27, gridShape(64), 1);
    const rng = stream('local');
    const wins = new Map<number, number>();
    for (let k = 0; k < 2000; k++) {
      const w = localTournament(fitness, cells, 3, rng);
      expect(cells).toContain(w);
      wins.set(w, (wins.get(w) ?? 0) + 1);
    }
    // The fittest neighbour (cell 36, the highest index around 27) wins most often.
    expect([...wins.entries()].sort((a, b) => b[1] - a[1])[0]![0]).toBe(36);
  });
});

describe('grid breeding', () => {
  const spec = sortingNetworks.create(sortingNetworks.options.parse({ inputs: 8 })).solver;
  const size = 36;
  const pop = createPopulation(size, spec.length);
  const rng = stream('grid-parents');
  for (let i = 0; i < size; i++) spec.random(rng, genome(pop, i));
  const fitness = Float64Array.from({ length: size }, (_, i) => (i * 11) % size);
  const settings = (crossoverRate: number, mutationRate: number, elitism: number, radius = 1) => ({
    selection: { tournamentSize: 2, elitism, scheme: 'grid' as const, radius },
    variation: { crossoverRate, mutationRate },
  });

  it('is deterministic for a given stream', () => {
    const a = breed(pop, fitness, spec, settings(0.5, 1, 2), stream('same'));
    const b = breed(pop, fitness, spec, settings(0.5, 1, 2), stream('same'));
    expect(a.genes).toEqual(b.genes);
  });

  it('every child copies a parent from its own neighbourhood; elites keep their cells', () => {
    const shape = gridShape(size);
    for (const radius of [1, 2]) {
      const next = breed(pop, fitness, spec, settings(0, 0, 2, radius), stream('copies', radius));
      for (let i = 0; i < size; i++) {
        const from = [...Array(size).keys()].filter((p) => genome(pop, p).join() === genome(next, i).join());
        expect(from.some((p) => distance(i, p, shape.width, shape.height) <= radius), `cell ${i}`).toBe(true);
      }
      // The two fittest ((i * 11) % 36 = 35 and 34 at i = 13 and 26) are where they were.
      expect(genome(next, 13)).toEqual(genome(pop, 13));
      expect(genome(next, 26)).toEqual(genome(pop, 26));
    }
  });
});

describe('grid selection in the config', () => {
  const resolve = (config: Record<string, unknown>) => resolveConfig(sortingNetworks, [{ source: 'c.json', config }]).config;

  it('defaults to tournament selection, as before', () => {
    expect(resolve({}).selection).toEqual({ ...ENGINE_DEFAULTS.selection, scheme: 'tournament', radius: 1 });
  });

  it('refuses a radius without the grid scheme, and a radius the grids are too small for', () => {
    expect(() => resolve({ selection: { radius: 2 } })).toThrow(/field "selection\.radius": applies only to selection\.scheme "grid"/);
    expect(() => resolve({ solvers: 256, challengers: 64, selection: { scheme: 'grid', radius: 4 } })).toThrow(
      /field "selection\.radius": radius 4 needs grids at least 9 cells each way, but 64 challengers make a 8 x 8 grid/,
    );
    expect(resolve({ solvers: 256, challengers: 64, selection: { scheme: 'grid', radius: 3 } }).selection.radius).toBe(3);
  });
});
