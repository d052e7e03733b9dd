/**
 * Trailing moving mean over a window of generations: the viewer's regress
 * lines (viewer/src/smooth.ts) and analyze's progress plot
 * (core/analyze/progress-plot.ts) both draw regress through it.
 *
 * The window is in generations, not points: a thinned series (the viewer's,
 * on long runs) would otherwise cover ever more generations per window.
 */

/**
 * For each point i, the mean of the non-null values at generations in
 * (x[i] - window, x[i]]. At the start of a run the window holds what there is
 * (fewer generations); a point whose window holds no value at all is null.
 * `x` must be increasing.
 */
export function movingMean(x: readonly number[], y: ReadonlyArray<number | null>, window: number): Array<number | null> {
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
