/**
 * Trailing moving mean over a window of generations, for measures that jump
 * between a few values from one generation to the next (regress is 0 or a
 * fraction of a handful of ancestors), so their trend reads at a glance.
 *
 * The window is in generations, not points: the viewer's series are thinned
 * on long runs (store.ts), and a window of points would then cover ever more
 * generations. Trailing, not centred, so the newest value never changes once
 * later generations arrive... except by its own window, which is the point of
 * a live chart: the right edge is what the run does now.
 */

/** Default window of the viewer's smoothed lines, in generations. */
export const SMOOTHING_WINDOW = 25;

/**
 * For each point i, the mean of the non-null values at generations in
 * (x[i] - window, x[i]]. At the start of a run the window holds what there is
 * (fewer generations); a point whose window holds no value at all is null.
 * `x` must be increasing.
 */
export function movingMean(x: readonly number[], y: ReadonlyArray<number | null>, window: number = SMOOTHING_WINDOW): Array<number | null> {
  if (!(window >= 1)) throw new Error(`movingMean: window must be at least 1 generation, got ${window}`);
  const out: Array<number | null> = new Array(x.length);
  let start = 0;
  for (let i = 0; i < x.length; i++) {
    while (x[start]! <= x[i]! - window) start++;
    // Summed afresh (at most `window` points, one per generation): no drift from a running sum.
    let sum = 0;
    let count = 0;
    for (let j = start; j <= i; j++) {
      const v = y[j];
      if (v != null) {
        sum += v;
        count++;
      }
    }
    out[i] = count > 0 ? sum / count : null;
  }
  return out;
}
