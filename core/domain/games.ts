/**
 * What one generation's games produce, as data: the interaction matrices
 * (engine/interactions.ts plays them) and the fitness made from them
 * (engine/fitness.ts). Types only, below the engine, so that measures and
 * remedies read games without depending on the engine that plays them.
 */

export interface Interactions {
  readonly solvers: number;
  readonly challengers: number;
  /** M[s][c] in [0, 1], current solvers x current challengers, row-major; NaN where they did not meet. */
  readonly matrix: Float64Array;
  /** Past solver champions (Hall of Fame rows) x current challengers, in [0, 1]; NaN where they did not meet. */
  readonly pastSolverMatrix: Float64Array;
  /** Current solvers x past challengers (Hall of Fame, then archive), in [0, 1]; every pair meets. */
  readonly pastChallengerMatrix: Float64Array;
  /** Rows of pastSolverMatrix and columns of pastChallengerMatrix. */
  readonly pastSolvers: number;
  readonly pastChallengers: number;
  /** Each solver's mean outcome over every opponent it met (current and past). */
  readonly solverScores: Float64Array;
  /** Each challenger's mean (1 - outcome) over every solver that met it; 0 if none did. */
  readonly challengerScores: Float64Array;
  /** Opponents each solver met (the same for every solver, so scores compare fairly). */
  readonly solverMeetings: number;
  /** Interactions evaluated this generation. */
  readonly pairs: number;
}

/** Selection fitness per individual, higher is better. */
export interface Fitness {
  readonly solvers: Float64Array;
  readonly challengers: Float64Array;
}
