/** One palette for every panel: solvers blue, challengers orange. */
export const SOLVER = '#2563eb';
export const SOLVER_LIGHT = '#93b4f5';
export const CHALLENGER = '#ea580c';
export const CHALLENGER_LIGHT = '#f6ad7b';
export const NEUTRAL = '#6b7280';
export const PROBE = '#059669';

const LOW: [number, number, number] = [234, 88, 12]; // challenger wins (M = 0)
const MID: [number, number, number] = [246, 245, 240];
const HIGH: [number, number, number] = [37, 99, 235]; // solver wins (M = 1)
export const NOT_MET: [number, number, number] = [205, 205, 205];

/** Diverging map of an outcome in [0, 1] (NaN = not met), written into `out` at `at`. */
export function outcomeColor(v: number, out: Uint8ClampedArray, at: number): void {
  let c: readonly number[];
  if (Number.isNaN(v)) c = NOT_MET;
  else {
    const t = Math.min(1, Math.max(0, v));
    const [a, b, u] = t < 0.5 ? [LOW, MID, t * 2] : [MID, HIGH, (t - 0.5) * 2];
    c = [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
  }
  out[at] = c[0]!;
  out[at + 1] = c[1]!;
  out[at + 2] = c[2]!;
  out[at + 3] = 255;
}

/** A CSS gradient of the same map, for legends. */
export const OUTCOME_GRADIENT = `linear-gradient(to right, rgb(${LOW.join(',')}), rgb(${MID.join(',')}), rgb(${HIGH.join(',')}))`;
