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
  /** Every met entry 0, or every met entry 1: no gradient for either side. */
  readonly disengaged: boolean;
}

export function engagement(matrix: Float64Array): Engagement {
  let met = 0;
  let sum = 0;
  let zeros = 0;
  let ones = 0;
  for (const m of matrix) {
    if (Number.isNaN(m)) continue;
    met++;
    sum += m;
    if (m === 0) zeros++;
    else if (m === 1) ones++;
  }
  return {
    mean: met ? sum / met : 0,
    zeros: met ? zeros / met : 0,
    ones: met ? ones / met : 0,
    disengaged: met > 0 && (zeros === met || ones === met),
  };
}
