/**
 * One generation as a pure function of (state, config): play the games,
 * turn outcomes into fitness (the remedies may transform selection's), record
 * champions, measure (arms-race analysis included), advance each remedy's
 * state, breed. The random streams come from
 * (seed, generation, purpose), the evaluator is deterministic, so equal
 * inputs give equal outputs on a given backend.
 */
import type { JsonObject } from '../basics/json.ts';
import { genome } from '../basics/population.ts';
import { stream } from '../basics/rng.ts';
import type { DomainInstance, ProbeResult } from '../domain/domain.ts';
import type { Fitness, Interactions } from '../domain/games.ts';
import type { Evaluator } from '../backends/evaluator.ts';
import { advanceArmsRace, type ArmsRaceRow } from '../measures/arms-race.ts';
import { recordChampions, sampleHallOfFame } from '../measures/champions.ts';
import { engagement } from '../measures/engagement.ts';
import { REMEDIES, settingsOf } from '../remedies/index.ts';
import type { PlayedGeneration } from '../remedies/remedy.ts';
import { breed } from './breed.ts';
import { fitnessOf } from './fitness.ts';
import { playGeneration, stack } from './interactions.ts';
import { generationMetrics, type CiaoRow, type GenerationMetrics } from './metrics.ts';
import { champion } from './selection.ts';
import type { EngineSettings } from './settings.ts';
import { challengerHooks, type CoevolutionState } from './state.ts';

export interface StepContext {
  readonly domain: DomainInstance;
  readonly config: EngineSettings;
  readonly evaluator: Evaluator;
}

export interface GenerationReport {
  readonly generation: number;
  readonly metrics: GenerationMetrics;
  readonly games: Interactions;
  /** Plain fitness (what champions and views use; selection may use shared fitness). */
  readonly fitness: Fitness;
  /** Indices of this generation's champions in the evaluated populations. */
  readonly champions: { readonly solver: number; readonly challenger: number };
  readonly ciao: CiaoRow | null;
  /** CIAO, regress, dominance, events and the live master tournament of this generation. */
  readonly arms: ArmsRaceRow;
  readonly probe: ProbeResult | null;
  /** Wall-clock milliseconds; not deterministic, so never in metrics.jsonl. */
  readonly timings: { readonly evaluation: number; readonly metrics: number; readonly variation: number };
}

/** The seed of a run's probe: the same every generation, so probe scores compare across generations (and with a ProbeReference). */
export function probeSeed(runSeed: string): string {
  return `${runSeed}:probe`;
}

export async function step(
  state: CoevolutionState,
  ctx: StepContext,
): Promise<{ state: CoevolutionState; report: GenerationReport }> {
  const { domain, config, evaluator } = ctx;
  const g = state.generation;
  const rng = (purpose: string) => stream(config.seed, g, purpose);

  const t0 = performance.now();
  const hof = rng('hall-of-fame');
  const hallOfFameSolvers = sampleHallOfFame(state.champions.solvers, config.hallOfFame.sample, domain.solver.length, hof);
  const hallOfFameChallengers = sampleHallOfFame(state.champions.challengers, config.hallOfFame.sample, domain.challenger.length, hof);
  // The remedies' extra opponents are met after the Hall of Fame sample, stacked in the list's order.
  let pastSolvers = hallOfFameSolvers;
  let pastChallengers = hallOfFameChallengers;
  const offsets = new Map<string, { solvers: number; challengers: number }>();
  for (const r of REMEDIES) {
    const extra = r.opponents?.(state.remedies[r.key]);
    if (!extra) continue;
    offsets.set(r.key, { solvers: pastSolvers.size, challengers: pastChallengers.size });
    pastSolvers = stack(pastSolvers, extra.solvers);
    pastChallengers = stack(pastChallengers, extra.challengers);
  }
  const games = await playGeneration({
    domain,
    evaluator,
    solvers: state.solvers,
    challengers: state.challengers,
    pastSolvers,
    pastChallengers,
    evaluation: config.evaluation,
    rng: rng('pairing'),
  });
  const fitness = fitnessOf(domain, games, state.solvers);
  const e = engagement(games.matrix);
  const played = (key: string): PlayedGeneration => ({
    domain,
    generation: g,
    games,
    solvers: state.solvers,
    challengers: state.challengers,
    engagement: e,
    offsets: offsets.get(key) ?? { solvers: pastSolvers.size, challengers: pastChallengers.size },
  });
  let selection: Fitness = fitness;
  for (const r of REMEDIES) {
    if (r.selectionFitness) selection = r.selectionFitness(settingsOf(config, r), selection, played(r.key));
  }
  const t1 = performance.now();

  const best = { solver: champion(fitness.solvers), challenger: champion(fitness.challengers) };
  const champions = recordChampions(
    state.champions,
    genome(state.solvers, best.solver),
    genome(state.challengers, best.challenger),
  );
  const probe =
    domain.probe && g % config.probeEvery === 0
      ? domain.probe({
          solver: genome(state.solvers, best.solver),
          challenger: genome(state.challengers, best.challenger),
          solvers: state.solvers,
          challengers: state.challengers,
          generation: g,
          seed: probeSeed(config.seed),
        })
      : null;
  const arms = advanceArmsRace(state.arms, {
    domain,
    history: champions,
    g,
    engagement: e,
    probeDetails: probe ? probe.details : null,
    settings: config.detectors,
  });
  const remedyMetrics: JsonObject = {};
  for (const r of REMEDIES) Object.assign(remedyMetrics, r.metrics?.(settingsOf(config, r), state.remedies[r.key]));
  const metrics = generationMetrics({
    generation: g,
    games,
    fitness,
    solvers: state.solvers,
    challengers: state.challengers,
    arms: arms.row,
    probe,
    rng: rng('metrics'),
    remedies: remedyMetrics,
  });
  const t2 = performance.now();

  const remedies = Object.fromEntries(
    REMEDIES.map((r) => {
      const now = state.remedies[r.key];
      return [r.key, r.next ? r.next(settingsOf(config, r), now, played(r.key)) : now];
    }),
  );
  // New challengers are made at the next state's settings (the difficulty the schedule moved to).
  const adjust = challengerHooks(domain, remedies)?.hook;
  const next: CoevolutionState = {
    generation: g + 1,
    solvers: breed(state.solvers, selection.solvers, domain.solver, config, rng('breed-solvers')),
    challengers: breed(state.challengers, selection.challengers, domain.challenger, config, rng('breed-challengers'), adjust),
    champions,
    arms: arms.state,
    remedies,
  };
  const t3 = performance.now();
  return {
    state: next,
    report: {
      generation: g,
      metrics,
      games,
      fitness,
      champions: best,
      ciao: arms.row.ciao,
      arms: arms.row,
      probe,
      timings: { evaluation: t1 - t0, metrics: t2 - t1, variation: t3 - t2 },
    },
  };
}
