/**
 * One generation as a pure function of (state, config): play the games,
 * turn outcomes into fitness, record champions, measure (arms-race analysis
 * included), update the remedies' state, breed. The random streams come from
 * (seed, generation, purpose), the evaluator is deterministic, so equal
 * inputs give equal outputs on a given backend.
 */
import { recordChampions, sampleHallOfFame } from '../measures/champions.ts';
import { updateParetoArchive, updateSolverArchive } from '../remedies/pareto-archive.ts';
import type { RunConfig } from '../run/config.ts';
import { nextDifficulty } from '../remedies/difficulty.ts';
import type { DomainInstance, ProbeResult } from '../domain/domain.ts';
import type { Evaluator } from '../backends/evaluator.ts';
import type { Fitness, Interactions } from '../domain/games.ts';
import { fitnessOf } from './fitness.ts';
import { sharedFitness } from '../remedies/fitness-sharing.ts';
import { playGeneration, stack } from './interactions.ts';
import { generationMetrics, type CiaoRow, type GenerationMetrics } from './metrics.ts';
import { engagement } from '../measures/engagement.ts';
import { advanceArmsRace, type ArmsRaceRow } from '../measures/arms-race.ts';
import { breed } from './breed.ts';
import { champion } from './selection.ts';
import { genome } from '../basics/population.ts';
import { stream, type Rng } from '../basics/rng.ts';
import type { CoevolutionState } from './state.ts';

export interface StepContext {
  readonly domain: DomainInstance;
  readonly config: RunConfig;
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
  // Archive members are met after the Hall of Fame sample, as extra past opponents.
  const games = await playGeneration({
    domain,
    evaluator,
    solvers: state.solvers,
    challengers: state.challengers,
    pastSolvers: stack(hallOfFameSolvers, state.archive.solvers),
    pastChallengers: stack(hallOfFameChallengers, state.archive.challengers),
    evaluation: config.evaluation,
    rng: rng('pairing'),
  });
  const fitness = fitnessOf(domain, games, state.solvers);
  const selection = config.fitnessSharing ? sharedFitness(domain, games, state.solvers) : fitness;
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
          seed: `${config.seed}:probe`,
        })
      : null;
  const e = engagement(games.matrix);
  const arms = advanceArmsRace(state.arms, {
    domain,
    history: champions,
    g,
    engagement: e,
    probeDetails: probe ? probe.details : null,
    settings: config.detectors,
  });
  const archive = {
    challengers: updateParetoArchive({
      archive: state.archive.challengers,
      challengers: state.challengers,
      games,
      archiveOffset: hallOfFameChallengers.size,
      size: config.paretoArchive.challengers,
    }),
    solvers: updateSolverArchive({
      archive: state.archive.solvers,
      solvers: state.solvers,
      games,
      archiveOffset: hallOfFameSolvers.size,
      size: config.paretoArchive.solvers,
    }),
  };
  const archiveOn = config.paretoArchive.challengers > 0 || config.paretoArchive.solvers > 0;
  const metrics = generationMetrics({
    generation: g,
    games,
    fitness,
    solvers: state.solvers,
    challengers: state.challengers,
    arms: arms.row,
    probe,
    rng: rng('metrics'),
    difficulty: state.difficulty,
    archiveSize: archiveOn ? { challengers: state.archive.challengers.size, solvers: state.archive.solvers.size } : null,
  });
  const t2 = performance.now();

  const difficulty = nextDifficulty(config.difficulty, state.difficulty, g, e.mean);
  const hook = domain.challengerDifficulty;
  const adjust =
    hook && difficulty !== null ? (child: Float32Array, r: Rng) => hook.apply(child, difficulty, r) : undefined;
  const next: CoevolutionState = {
    generation: g + 1,
    solvers: breed(state.solvers, selection.solvers, domain.solver, config, rng('breed-solvers')),
    challengers: breed(state.challengers, selection.challengers, domain.challenger, config, rng('breed-challengers'), adjust),
    champions,
    arms: arms.state,
    archive,
    difficulty,
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
