/**
 * The whole state of a run between generations. Together with the config
 * (seed included) it determines everything that follows: random streams are
 * derived from (seed, generation, purpose), so nothing else needs saving.
 */
import { createPopulation, genome, type Population } from '../basics/population.ts';
import { stream, type Rng } from '../basics/rng.ts';
import type { DomainInstance, GenomeSpec } from '../domain/domain.ts';
import { initialArmsRace, type ArmsRaceState } from '../measures/arms-race.ts';
import { EMPTY_HISTORY, type ChampionHistory } from '../measures/champions.ts';
import { REMEDIES, settingsOf, type RemedyStates } from '../remedies/index.ts';
import type { ChallengerHook } from '../remedies/remedy.ts';
import type { EngineSettings } from './settings.ts';

export interface CoevolutionState {
  /** The next generation to play (0 for a fresh run). */
  readonly generation: number;
  readonly solvers: Population;
  readonly challengers: Population;
  /** Champions of every generation played so far. */
  readonly champions: ChampionHistory;
  /** CIAO roster, dominance chains, detector streaks (core/measures/arms-race.ts). */
  readonly arms: ArmsRaceState;
  /** Each remedy's state under its key (core/remedies/index.ts), e.g. the Pareto archives, the difficulty. */
  readonly remedies: RemedyStates;
}

/** Every remedy's state before generation 0. */
export function initialRemedies(domain: DomainInstance, config: EngineSettings): RemedyStates {
  return Object.fromEntries(REMEDIES.map((r) => [r.key, r.init(settingsOf(config, r), domain)]));
}

/**
 * One hook that runs each remedy's challenger hook in the list's order, or
 * undefined when none applies (so runs without one draw no extra numbers).
 */
export function challengerHooks(
  domain: DomainInstance,
  states: RemedyStates,
): { hook: ChallengerHook; keys: readonly string[] } | undefined {
  const hooks: ChallengerHook[] = [];
  const keys: string[] = [];
  for (const r of REMEDIES) {
    const h = r.challengerHook?.(states[r.key], domain);
    if (h) {
      hooks.push(h);
      keys.push(r.key);
    }
  }
  if (hooks.length === 0) return undefined;
  return { hook: (challenger, rng) => hooks.forEach((h) => h(challenger, rng)), keys };
}

function randomPopulation(spec: GenomeSpec, size: number, seed: string, side: string, adjust?: ChallengerHook, purpose?: string): Population {
  const rng = stream(seed, 'init', side);
  const pop = createPopulation(size, spec.length);
  for (let i = 0; i < size; i++) spec.random(rng, genome(pop, i));
  if (adjust && purpose) {
    const r: Rng = stream(seed, 'init', side, purpose);
    for (let i = 0; i < size; i++) adjust(genome(pop, i), r);
  }
  return pop;
}

export function initialState(domain: DomainInstance, config: EngineSettings): CoevolutionState {
  const remedies = initialRemedies(domain, config);
  const hooks = challengerHooks(domain, remedies);
  return {
    generation: 0,
    solvers: randomPopulation(domain.solver, config.solvers, config.seed, 'solvers'),
    // The stream of the initial adjustment is named after the remedies that adjust ("difficulty").
    challengers: randomPopulation(domain.challenger, config.challengers, config.seed, 'challengers', hooks?.hook, hooks?.keys.join('+')),
    champions: EMPTY_HISTORY,
    arms: initialArmsRace(config.ciaoSamples),
    remedies,
  };
}
