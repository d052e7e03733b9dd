import { describe, expect, it } from 'vitest';
import { breed } from '../../../core/engine/breed.ts';
import { createPopulation, genome } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';

const instance = sortingNetworks.create(sortingNetworks.options.parse({ inputs: 8 }));
const spec = instance.solver;

function parents(n: number) {
  const pop = createPopulation(n, spec.length);
  const rng = stream('parents');
  for (let i = 0; i < n; i++) spec.random(rng, genome(pop, i));
  return pop;
}

const settings = (crossoverRate: number, mutationRate: number, elitism = 2) => ({
  selection: { tournamentSize: 3, elitism },
  variation: { crossoverRate, mutationRate },
});

describe('breed', () => {
  const pop = parents(20);
  const fitness = Float64Array.from({ length: 20 }, (_, i) => (i * 7) % 20);

  it('copies the elites unchanged, best first', () => {
    const next = breed(pop, fitness, spec, settings(0.5, 1), stream('b'));
    // Fitness 19 is at i=17 ((17*7)%20 = 19), 18 at i=14.
    expect(genome(next, 0)).toEqual(genome(pop, 17));
    expect(genome(next, 1)).toEqual(genome(pop, 14));
  });

  it('never writes the parents and is deterministic', () => {
    const before = pop.genes.slice();
    const a = breed(pop, fitness, spec, settings(0.5, 1), stream('same'));
    const b = breed(pop, fitness, spec, settings(0.5, 1), stream('same'));
    expect(pop.genes).toEqual(before);
    expect(a.genes).toEqual(b.genes);
  });

  it('without crossover or mutation, every child is a copy of some parent', () => {
    const next = breed(pop, fitness, spec, settings(0, 0), stream('copies'));
    const parentsAsText = new Set(Array.from({ length: 20 }, (_, i) => genome(pop, i).join(',')));
    for (let i = 0; i < 20; i++) expect(parentsAsText.has(genome(next, i).join(','))).toBe(true);
  });

  it('with mutation, children differ from every parent', () => {
    const next = breed(pop, fitness, spec, settings(0, 1, 0), stream('mut'));
    const parentsAsText = new Set(Array.from({ length: 20 }, (_, i) => genome(pop, i).join(',')));
    let changed = 0;
    for (let i = 0; i < 20; i++) if (!parentsAsText.has(genome(next, i).join(','))) changed++;
    // A mutation can be a no-op (swapping two unused slots), but rarely.
    expect(changed).toBeGreaterThanOrEqual(17);
  });
});
