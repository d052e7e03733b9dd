/**
 * Trailing moving mean over a window of generations, for measures that jump
 * between a few values from one generation to the next (regress is 0 or a
 * fraction of a handful of ancestors), so their trend reads at a glance.
 *
 * The mean itself is core/basics/moving-mean.ts, shared with analyze's
 * progress plot; its window is in generations, not points, because the
 * viewer's series are thinned on long runs (store.ts). Trailing, not
 * centred, so the newest value never changes once later generations
 * arrive... except by its own window, which is the point of a live chart:
 * the right edge is what the run does now.
 */
import { movingMean as movingMeanOver } from '../../core/basics/moving-mean.ts';

/** Default window of the viewer's smoothed lines, in generations. */
export const SMOOTHING_WINDOW = 25;

/** movingMean (core/basics/moving-mean.ts) over the viewer's default window unless told otherwise. */
export function movingMean(x: readonly number[], y: ReadonlyArray<number | null>, window: number = SMOOTHING_WINDOW): Array<number | null> {
  return movingMeanOver(x, y, window);
}
