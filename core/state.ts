/**
 * The whole state of a run between generations. Together with the config
 * (seed included) it determines everything that follows: random streams are
 * derived from (seed, generation, purpose), so nothing else needs saving.
 */
import type { ChampionHistory } from './archive.ts';
import { EMPTY_HISTORY } from './archive.ts';
import type { RunConfig } from './config.ts';
import type { DomainInstance, GenomeSpec } from './domain.ts';
import { createPopulation, genome, type Population } from './population.ts';
import { stream } from './rng.ts';

export interface CoevolutionState {
  /** The next generation to play (0 for a fresh run). */
  readonly generation: number;
  readonly solvers: Population;
  readonly challengers: Population;
  /** Champions of every generation played so far. */
  readonly champions: ChampionHistory;
}

function randomPopulation(spec: GenomeSpec, size: number, seed: string, side: string): Population {
  const rng = stream(seed, 'init', side);
  const pop = createPopulation(size, spec.length);
  for (let i = 0; i < size; i++) spec.random(rng, genome(pop, i));
  return pop;
}

export function initialState(domain: DomainInstance, config: RunConfig): CoevolutionState {
  return {
    generation: 0,
    solvers: randomPopulation(domain.solver, config.solvers, config.seed, 'solvers'),
    challengers: randomPopulation(domain.challenger, config.challengers, config.seed, 'challengers'),
    champions: EMPTY_HISTORY,
  };
}
