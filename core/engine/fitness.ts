/**
 * Fitness from interaction scores. Solvers: mean outcome, minus a parsimony
 * cost scaled to half of one outcome quantum (1 / (rawScale x opponents met)),
 * so cost only orders solvers whose outcomes are equal. Challengers: mean
 * (1 - outcome) over the solvers that met them.
 */
import type { DomainInstance } from '../domain/domain.ts';
import type { Fitness, Interactions } from '../domain/games.ts';
import { genome, type Population } from '../basics/population.ts';


export function fitnessOf(domain: DomainInstance, games: Interactions, solvers: Population): Fitness {
  const cost = domain.solverCost;
  const halfQuantum = 0.5 / (domain.rawScale * games.solverMeetings);
  const solverFitness = cost
    ? games.solverScores.map((score, s) => score - halfQuantum * Math.min(1, Math.max(0, cost(genome(solvers, s)))))
    : games.solverScores.slice();
  return { solvers: solverFitness, challengers: games.challengerScores.slice() };
}
