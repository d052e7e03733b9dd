/**
 * The whole state of a run between generations. Together with the config
 * (seed included) it determines everything that follows: random streams are
 * derived from (seed, generation, purpose), so nothing else needs saving.
 */
import type { ChampionHistory } from '../measures/champions.ts';
import { EMPTY_HISTORY } from '../measures/champions.ts';
import type { RunConfig } from '../run/config.ts';
import { initialDifficulty } from '../remedies/difficulty.ts';
import type { DomainInstance, GenomeSpec } from '../domain/domain.ts';
import { initialArmsRace, type ArmsRaceState } from '../measures/arms-race.ts';
import { createPopulation, genome, type Population } from '../basics/population.ts';
import { stream, type Rng } from '../basics/rng.ts';

export interface ParetoArchives {
  readonly challengers: Population;
  readonly solvers: Population;
}

export interface CoevolutionState {
  /** The next generation to play (0 for a fresh run). */
  readonly generation: number;
  readonly solvers: Population;
  readonly challengers: Population;
  /** Champions of every generation played so far. */
  readonly champions: ChampionHistory;
  /** CIAO roster, dominance chains, detector streaks (core/measures/arms-race.ts). */
  readonly arms: ArmsRaceState;
  /** The Pareto archives of informative challengers and solvers (core/remedies/pareto-archive.ts); empty when off. */
  readonly archive: ParetoArchives;
  /** The difficulty the next generation's new challengers were made at; null without a schedule. */
  readonly difficulty: number | null;
}

function randomPopulation(
  spec: GenomeSpec,
  size: number,
  seed: string,
  side: string,
  adjust?: (g: Float32Array, rng: Rng) => void,
): Population {
  const rng = stream(seed, 'init', side);
  const pop = createPopulation(size, spec.length);
  for (let i = 0; i < size; i++) spec.random(rng, genome(pop, i));
  if (adjust) {
    const r = stream(seed, 'init', side, 'difficulty');
    for (let i = 0; i < size; i++) adjust(genome(pop, i), r);
  }
  return pop;
}

export function initialState(domain: DomainInstance, config: RunConfig): CoevolutionState {
  const difficulty = initialDifficulty(config.difficulty);
  const hook = domain.challengerDifficulty;
  const adjust = hook && difficulty !== null ? (g: Float32Array, rng: Rng) => hook.apply(g, difficulty, rng) : undefined;
  return {
    generation: 0,
    solvers: randomPopulation(domain.solver, config.solvers, config.seed, 'solvers'),
    challengers: randomPopulation(domain.challenger, config.challengers, config.seed, 'challengers', adjust),
    champions: EMPTY_HISTORY,
    arms: initialArmsRace(config.ciaoSamples),
    archive: { challengers: createPopulation(0, domain.challenger.length), solvers: createPopulation(0, domain.solver.length) },
    difficulty,
  };
}
