/**
 * Competitive fitness sharing (Rosin & Belew 1997): an opponent beaten by
 * few is worth more than one beaten by many. In the original, with win/loss
 * games, f(i) = sum over opponents j that i beats of 1 / N_j, N_j = how many
 * of i's population beat j. For outcomes in [0, 1] a win counts by its size:
 *
 *   solver s:     f(s) = mean over opponents c that s met of M[s][c] / N_c,
 *                 N_c = sum of M[s'][c] over the current solvers s' that met c
 *   challenger c: f(c) = mean over solvers r that met c of (1 - M[r][c]) / N_r,
 *                 N_r = sum of (1 - M[r][c']) over the current challengers c' r met
 *
 * (0 / 0 counts 0: nobody scored against that opponent.) Opponents include
 * the Hall of Fame and archive members; only the population being selected
 * shares, as in the original. So a solver that alone beats an opponent keeps
 * the whole of it, which preserves rare abilities that plain averaging
 * drowns. Sharing changes selection only: champions, metrics and every view
 * still use the plain scores, so runs with and without it compare.
 *
 * Parsimony (the domain's solver cost) stays a tie-break, scaled to 1e-12,
 * far below any difference two distinct shared fitnesses have in practice.
 */
import { z } from 'zod';
import type { DomainInstance } from '../domain/domain.ts';
import type { Fitness, Interactions } from '../domain/games.ts';
import { genome, type Population } from '../basics/population.ts';
import type { Remedy } from './remedy.ts';

const PARSIMONY_TIE_BREAK = 1e-12;

export function sharedFitness(domain: DomainInstance, games: Interactions, solvers: Population): Fitness {
  const S = games.solvers;
  const C = games.challengers;
  const P = games.pastChallengers;
  const R = games.pastSolvers;
  const M = games.matrix;
  const PM = games.pastChallengerMatrix;
  const RM = games.pastSolverMatrix;

  // How much of each opponent the current solvers scored, in total.
  const colTotal = new Float64Array(C);
  const pastTotal = new Float64Array(P);
  for (let s = 0; s < S; s++) {
    for (let c = 0; c < C; c++) {
      const m = M[s * C + c]!;
      if (!Number.isNaN(m)) colTotal[c]! += m;
    }
    for (let p = 0; p < P; p++) pastTotal[p]! += PM[s * P + p]!;
  }
  const share = (score: number, total: number) => (score > 0 ? score / total : 0);

  const solverFitness = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    let f = 0;
    for (let c = 0; c < C; c++) {
      const m = M[s * C + c]!;
      if (!Number.isNaN(m)) f += share(m, colTotal[c]!);
    }
    for (let p = 0; p < P; p++) f += share(PM[s * P + p]!, pastTotal[p]!);
    solverFitness[s] = f / games.solverMeetings;
    if (domain.solverCost) solverFitness[s]! -= PARSIMONY_TIE_BREAK * Math.min(1, Math.max(0, domain.solverCost(genome(solvers, s))));
  }

  // Each solver row's losses, shared among the current challengers that inflicted them.
  const sums = new Float64Array(C);
  const counts = new Int32Array(C);
  const shareRow = (row: Float64Array, offset: number) => {
    let total = 0;
    for (let c = 0; c < C; c++) {
      const m = row[offset + c]!;
      if (!Number.isNaN(m)) total += 1 - m;
    }
    for (let c = 0; c < C; c++) {
      const m = row[offset + c]!;
      if (Number.isNaN(m)) continue;
      sums[c]! += share(1 - m, total);
      counts[c]!++;
    }
  };
  for (let s = 0; s < S; s++) shareRow(M, s * C);
  for (let r = 0; r < R; r++) shareRow(RM, r * C);
  const challengerFitness = sums.map((sum, c) => (counts[c]! > 0 ? sum / counts[c]! : 0));
  return { solvers: solverFitness, challengers: challengerFitness };
}

/** On or off; on, selection uses the shared fitness and everything else the plain one. */
export const fitnessSharing: Remedy<'fitnessSharing', boolean, null> = {
  key: 'fitnessSharing',
  title: 'competitive fitness sharing (Rosin & Belew 1997)',
  schema: z.boolean().describe('competitive fitness sharing (Rosin & Belew) for selection'),
  defaults: false,
  example: true,
  init: () => null,
  selectionFitness: (on, fitness, played) => (on ? sharedFitness(played.domain, played.games, played.solvers) : fitness),
};
