import { describe, expect, it } from 'vitest';
import { fitnessOf } from '../../../core/engine/fitness.ts';
import type { Interactions } from '../../../core/domain/games.ts';
import { populationOf } from '../../../core/basics/population.ts';
import { toyDomain } from '../../helpers/toy-domain.ts';

describe('fitness', () => {
  // Cost = the gene / 10: larger genes are "bigger networks".
  const domain = { ...toyDomain(), rawScale: 4, solverCost: (g: Float32Array) => g[0]! / 10 };
  const solvers = populationOf([Float32Array.of(9), Float32Array.of(1), Float32Array.of(5)], 1);
  const games: Interactions = {
    solvers: 3,
    challengers: 1,
    matrix: new Float64Array(3),
    pastSolverMatrix: new Float64Array(0),
    pastChallengerMatrix: new Float64Array(0),
    pastSolvers: 0,
    pastChallengers: 0,
    // One quantum is 1 / (4 x 2) = 0.125.
    solverScores: Float64Array.of(0.5, 0.5, 0.375),
    challengerScores: Float64Array.of(0.3),
    solverMeetings: 2,
    pairs: 3,
  };

  it('parsimony breaks ties between equal outcomes', () => {
    const f = fitnessOf(domain, games, solvers);
    expect(f.solvers[1]).toBeGreaterThan(f.solvers[0]!);
  });

  it('parsimony never outweighs one outcome quantum', () => {
    const f = fitnessOf(domain, games, solvers);
    // Solver 0 has the worst cost but one quantum more outcome than solver 2.
    expect(f.solvers[0]).toBeGreaterThan(f.solvers[2]!);
    for (let s = 0; s < 3; s++) expect(games.solverScores[s]! - f.solvers[s]!).toBeLessThan(0.0625 + 1e-12);
  });

  it('challenger fitness is the challenger score', () => {
    expect([...fitnessOf(domain, games, solvers).challengers]).toEqual([0.3]);
  });
});
