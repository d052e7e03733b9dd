import { describe, expect, it } from 'vitest';
import { referenceEvaluator } from '../../../core/backends/evaluator.ts';
import { playGeneration, sampledOpponents } from '../../../core/engine/interactions.ts';
import { createPopulation, populationOf } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';
import { toyDomain } from '../../helpers/toy-domain.ts';

const domain = toyDomain();
const pop = (...xs: number[]) => populationOf(xs.map((x) => Float32Array.of(x)), 1);
const none = createPopulation(0, 1);

describe('sampled opponents', () => {
  it('use every column about equally often', () => {
    const opp = sampledOpponents(30, 12, 4, stream('balance'));
    const uses = new Int32Array(12);
    for (const c of opp) uses[c]!++;
    // 30 x 4 = 120 slots over 12 columns: exactly 10 each.
    expect([...uses]).toEqual(new Array(12).fill(10));
  });
});

describe('playGeneration', () => {
  it('round robin: matrix, solver and challenger scores by hand', async () => {
    // Solvers 1, 5, 9 vs challengers 2, 6: solver wins when larger.
    const games = await playGeneration({
      domain,
      evaluator: referenceEvaluator(domain),
      solvers: pop(1, 5, 9),
      challengers: pop(2, 6),
      pastSolvers: none,
      pastChallengers: none,
      evaluation: { mode: 'round-robin', opponents: 1 },
      rng: stream('rr'),
    });
    expect([...games.matrix]).toEqual([0, 0, 1, 0, 1, 1]);
    expect([...games.solverScores]).toEqual([0, 0.5, 1]);
    // Challenger 2 loses to 5 and 9; challenger 6 beats 1 and 5.
    expect([...games.challengerScores]).toEqual([1 / 3, 2 / 3]);
    expect(games.solverMeetings).toBe(2);
    expect(games.pairs).toBe(6);
  });

  it('past champions count for both sides', async () => {
    const games = await playGeneration({
      domain,
      evaluator: referenceEvaluator(domain),
      solvers: pop(5),
      challengers: pop(4),
      pastSolvers: pop(0, 10),
      pastChallengers: pop(7),
      evaluation: { mode: 'round-robin', opponents: 1 },
      rng: stream('hof'),
    });
    // Solver 5 beats challenger 4, loses to past challenger 7.
    expect([...games.solverScores]).toEqual([0.5]);
    // Challenger 4 met 5 (lost), 0 (won), 10 (lost).
    expect([...games.challengerScores]).toEqual([1 / 3]);
    // The matrix holds current vs current only; the past games have their own.
    expect([...games.matrix]).toEqual([1]);
    expect([...games.pastSolverMatrix]).toEqual([0, 1]);
    expect([...games.pastChallengerMatrix]).toEqual([0]);
    expect([games.pastSolvers, games.pastChallengers]).toEqual([2, 1]);
    expect(games.pairs).toBe(4);
  });

  it('sampled mode leaves unmet pairs as NaN and meets k opponents each', async () => {
    const games = await playGeneration({
      domain,
      evaluator: referenceEvaluator(domain),
      solvers: pop(1, 2, 3, 4, 5, 6),
      challengers: pop(1, 2, 3, 4, 5, 6),
      pastSolvers: none,
      pastChallengers: none,
      evaluation: { mode: 'sampled', opponents: 2 },
      rng: stream('sampled'),
    });
    expect(games.solverMeetings).toBe(2);
    const met = [...games.matrix].filter((m) => !Number.isNaN(m)).length;
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThanOrEqual(12);
    expect(games.pairs).toBe(12);
  });
});
