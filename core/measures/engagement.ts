/**
 * Engagement: how much of the interaction matrix still tells good from bad.
 * A matrix of all 0s or all 1s gives neither side a gradient (Watson &
 * Pollack's disengagement); the detectors and the difficulty schedule read it.
 */

export interface Engagement {
  /** Mean of the met entries of M. */
  readonly mean: number;
  /** Fractions of met entries exactly 0 and exactly 1. */
  readonly zeros: number;
  readonly ones: number;
  /**
   * Fractions of met entries won by each side under the beat rule (beat.ts):
   * M > 1/2 for the solvers, M < 1/2 for the challengers; a draw (M = 1/2) is
   * neither's. The lopsided detector reads them. M = raw / rawScale is
   * rounded monotonically and 1/2 is exact, so comparing M with 1/2 agrees
   * with the raw-integer rule.
   */
  readonly solverWins: number;
  readonly challengerWins: number;
  /** Every met entry 0, or every met entry 1: no gradient for either side. */
  readonly disengaged: boolean;
}

export function engagement(matrix: Float64Array): Engagement {
  let met = 0;
  let sum = 0;
  let zeros = 0;
  let ones = 0;
  let solverWins = 0;
  let challengerWins = 0;
  for (const m of matrix) {
    if (Number.isNaN(m)) continue;
    met++;
    sum += m;
    if (m === 0) zeros++;
    else if (m === 1) ones++;
    if (m > 0.5) solverWins++;
    else if (m < 0.5) challengerWins++;
  }
  return {
    mean: met ? sum / met : 0,
    zeros: met ? zeros / met : 0,
    ones: met ? ones / met : 0,
    solverWins: met ? solverWins / met : 0,
    challengerWins: met ? challengerWins / met : 0,
    disengaged: met > 0 && (zeros === met || ones === met),
  };
}
