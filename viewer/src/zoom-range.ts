/**
 * The y range for values in [0, 1] that move inside a narrow band (a probe
 * accuracy between 0.77 and 0.82): the band plus a margin, at least 0.1
 * tall, in steps of 0.05 and inside [0, 1], so a change of a percent is
 * visible while the axis does not twitch with every new point.
 */
export function zoomRange(min: number | null, max: number | null): [number, number] {
  if (min == null || max == null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const step = 0.05;
  let lo = Math.max(0, Math.floor((min - step / 2) / step) * step);
  let hi = Math.min(1, Math.ceil((max + step / 2) / step) * step);
  if (hi - lo < 0.1) {
    if (hi < 1) hi = Math.min(1, lo + 0.1);
    else lo = Math.max(0, hi - 0.1);
  }
  return [Math.round(lo * 100) / 100, Math.round(hi * 100) / 100];
}

/**
 * Smallest and largest value over all lines in the newest `share` of the
 * generations shown (all of them when that part holds no value): a run's
 * first generations (a random rule's 2% accuracy) would otherwise stretch
 * the axis and flatten what happens now into a line at the top; their
 * points run off the bottom of the chart instead.
 */
export function recentBand(
  x: ReadonlyArray<number>,
  ys: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
  share = 0.75,
): [number, number] | null {
  if (x.length === 0) return null;
  const from = x[x.length - 1]! - share * (x[x.length - 1]! - x[0]!);
  const band = (since: number): [number, number] | null => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const y of ys) {
      for (let i = 0; i < x.length; i++) {
        const v = y[i];
        if (v == null || x[i]! < since) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return lo <= hi ? [lo, hi] : null;
  };
  return band(from) ?? band(-Infinity);
}
