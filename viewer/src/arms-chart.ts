/**
 * The arms-race chart: CIAO means of both champions as they are, and their
 * regress smoothed by a trailing moving mean (smooth.ts, SMOOTHING_WINDOW
 * generations). Regress jumps between a few values from one generation to
 * the next, so raw it is a band of noise; the raw value of a generation is
 * in the legend under the cursor.
 */
import { lineChart, type LineChart } from './charts.ts';
import { CHALLENGER, CHALLENGER_LIGHT, SOLVER, SOLVER_LIGHT } from './colors.ts';
import { movingMean, SMOOTHING_WINDOW } from './smooth.ts';
import type { Series } from './store.ts';

export function armsChart(host: HTMLElement): Pick<LineChart, 'resize'> & { render(series: Series): void } {
  const chart = lineChart(host, {
    height: 200,
    yRange: [0, 1],
    lines: [
      { label: 'CIAO solver', color: SOLVER, width: 2 },
      { label: 'CIAO challenger', color: CHALLENGER, width: 2 },
      { label: `regress solver (${SMOOTHING_WINDOW}-gen mean)`, color: SOLVER_LIGHT, dash: [5, 4], width: 2 },
      { label: `regress challenger (${SMOOTHING_WINDOW}-gen mean)`, color: CHALLENGER_LIGHT, dash: [5, 4], width: 2 },
    ],
  });
  return {
    render(s) {
      chart.setData(
        s.x,
        [s.ciaoSolver, s.ciaoChallenger, movingMean(s.x, s.regressSolver), movingMean(s.x, s.regressChallenger)],
        [null, null, s.regressSolver, s.regressChallenger],
      );
    },
    resize: (w) => chart.resize(w),
  };
}
