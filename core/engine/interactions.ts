/**
 * One generation's games. Solvers (plus sampled past champions of the solver
 * side) meet current challengers, either all of them (round robin) or k each
 * (sampled, balanced so every challenger meets about the same number of
 * solvers); current solvers also meet every sampled past challenger champion.
 * One kernel call.
 */
import type { DomainInstance } from '../domain/domain.ts';
import type { Evaluator } from '../backends/evaluator.ts';
import { roundRobinOpponents } from '../backends/reference.ts';
import { createPopulation, type Population } from '../basics/population.ts';
import { permutation, type Rng } from '../basics/rng.ts';
import type { Interactions } from '../domain/games.ts';


/** Stack two populations of the same genome length. */
export function stack(a: Population, b: Population): Population {
  if (b.size === 0) return a;
  const out = createPopulation(a.size + b.size, a.length);
  out.genes.set(a.genes);
  out.genes.set(b.genes, a.genes.length);
  return out;
}

/**
 * k opponents for each of `rows` rows among `cols` columns. Slots are filled
 * round by round from concatenated random permutations of the columns, so
 * every column is used floor(rows*k/cols) or ceil(rows*k/cols) times.
 */
export function sampledOpponents(rows: number, cols: number, k: number, rng: Rng): Int32Array {
  const opp = new Int32Array(rows * k);
  let perm = permutation(cols, rng);
  let used = 0;
  for (let t = 0; t < k; t++) {
    for (let r = 0; r < rows; r++) {
      if (used === cols) {
        perm = permutation(cols, rng);
        used = 0;
      }
      opp[r * k + t] = perm[used++]!;
    }
  }
  return opp;
}

/** Who meets whom: every challenger (round robin) or `opponents` sampled ones per solver. */
export const EVALUATION_MODES = ['round-robin', 'sampled'] as const;

export interface EvaluationSettings {
  readonly mode: (typeof EVALUATION_MODES)[number];
  /** Opponents per solver in sampled mode. */
  readonly opponents: number;
}

export const DEFAULT_EVALUATION: EvaluationSettings = { mode: 'round-robin', opponents: 8 };

export async function playGeneration(args: {
  readonly domain: DomainInstance;
  readonly evaluator: Evaluator;
  readonly solvers: Population;
  readonly challengers: Population;
  readonly pastSolvers: Population;
  readonly pastChallengers: Population;
  readonly evaluation: EvaluationSettings;
  readonly rng: Rng;
}): Promise<Interactions> {
  const { domain, evaluator, solvers, challengers, pastSolvers, pastChallengers, evaluation, rng } = args;
  const S = solvers.size;
  const C = challengers.size;
  const P = pastChallengers.size;
  const rows = stack(solvers, pastSolvers);
  const width = evaluation.mode === 'round-robin' ? C : evaluation.opponents;
  const opponents =
    evaluation.mode === 'round-robin' ? roundRobinOpponents(rows.size, C) : sampledOpponents(rows.size, C, width, rng);
  // One kernel call for both kinds of games: the columns are the current
  // challengers followed by the past ones, and every row gets P more slots
  // for the past ones. Past solvers play those too and the outcomes are
  // ignored (pastSolvers x P pairs): cheaper than a second call's upload and
  // launch (benchmarks/, BENCHMARKS.md). Row r's outcomes start at r * stride.
  const stride = width + P;
  let batch = opponents;
  if (P > 0) {
    batch = new Int32Array(rows.size * stride);
    for (let r = 0; r < rows.size; r++) {
      batch.set(opponents.subarray(r * width, (r + 1) * width), r * stride);
      for (let p = 0; p < P; p++) batch[r * stride + width + p] = C + p;
    }
  }
  const out = await evaluator.evaluate(rows, stack(challengers, pastChallengers), batch, stride);

  const scale = domain.rawScale;
  const matrix = new Float64Array(S * C).fill(Number.NaN);
  const pastSolverMatrix = new Float64Array((rows.size - S) * C).fill(Number.NaN);
  const solverSums = new Float64Array(S);
  const challengerSums = new Float64Array(C);
  const challengerCounts = new Int32Array(C);
  for (let r = 0; r < rows.size; r++) {
    for (let t = 0; t < width; t++) {
      const raw = out[r * stride + t]!;
      const c = opponents[r * width + t]!;
      challengerSums[c]! += scale - raw;
      challengerCounts[c]!++;
      if (r < S) {
        solverSums[r]! += raw;
        matrix[r * C + c] = raw / scale;
      } else {
        pastSolverMatrix[(r - S) * C + c] = raw / scale;
      }
    }
  }
  const pastChallengerMatrix = new Float64Array(S * P);
  for (let s = 0; s < S; s++) {
    for (let p = 0; p < P; p++) {
      const raw = out[s * stride + width + p]!;
      solverSums[s]! += raw;
      pastChallengerMatrix[s * P + p] = raw / scale;
    }
  }

  const solverMeetings = width + P;
  const solverScores = solverSums.map((sum) => sum / (scale * solverMeetings));
  const challengerScores = challengerSums.map((sum, c) =>
    challengerCounts[c]! > 0 ? sum / (scale * challengerCounts[c]!) : 0,
  );
  return {
    solvers: S,
    challengers: C,
    matrix,
    pastSolverMatrix,
    pastChallengerMatrix,
    pastSolvers: rows.size - S,
    pastChallengers: P,
    solverScores,
    challengerScores,
    solverMeetings,
    // Games that count: the past solvers' games against past challengers are played but ignored.
    pairs: rows.size * width + S * P,
  };
}
