/**
 * One generation as a pure function of (state, config): play the games,
 * turn outcomes into fitness, record champions, measure, breed. The random
 * streams come from (seed, generation, purpose), the evaluator is
 * deterministic, so equal inputs give equal outputs on a given backend.
 */
import { recordChampions, sampleHallOfFame } from './archive.ts';
import type { RunConfig } from './config.ts';
import type { DomainInstance, ProbeResult } from './domain.ts';
import type { Evaluator } from './evaluator.ts';
import { fitnessOf, type Fitness } from './fitness.ts';
import { playGeneration, type Interactions } from './interactions.ts';
import { ciaoRow, generationMetrics, type CiaoRow, type GenerationMetrics } from './metrics.ts';
import { breed } from './operators/breed.ts';
import { champion } from './operators/selection.ts';
import { genome } from './population.ts';
import { stream } from './rng.ts';
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
  readonly fitness: Fitness;
  /** Indices of this generation's champions in the evaluated populations. */
  readonly champions: { readonly solver: number; readonly challenger: number };
  readonly ciao: CiaoRow | null;
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
  const games = await playGeneration({
    domain,
    evaluator,
    solvers: state.solvers,
    challengers: state.challengers,
    pastSolvers: sampleHallOfFame(state.champions.solvers, config.hallOfFame.sample, domain.solver.length, hof),
    pastChallengers: sampleHallOfFame(state.champions.challengers, config.hallOfFame.sample, domain.challenger.length, hof),
    evaluation: config.evaluation,
    rng: rng('pairing'),
  });
  const fitness = fitnessOf(domain, games, state.solvers);
  const t1 = performance.now();

  const best = { solver: champion(fitness.solvers), challenger: champion(fitness.challengers) };
  const champions = recordChampions(
    state.champions,
    genome(state.solvers, best.solver),
    genome(state.challengers, best.challenger),
  );
  const ciao = ciaoRow(domain, champions, config.ciaoSamples);
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
  const metrics = generationMetrics({
    generation: g,
    games,
    fitness,
    solvers: state.solvers,
    challengers: state.challengers,
    ciao,
    probe,
    rng: rng('metrics'),
  });
  const t2 = performance.now();

  const next: CoevolutionState = {
    generation: g + 1,
    solvers: breed(state.solvers, fitness.solvers, domain.solver, config, rng('breed-solvers')),
    challengers: breed(state.challengers, fitness.challengers, domain.challenger, config, rng('breed-challengers')),
    champions,
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
      ciao,
      probe,
      timings: { evaluation: t1 - t0, metrics: t2 - t1, variation: t3 - t2 },
    },
  };
}
