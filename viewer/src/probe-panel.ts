/**
 * The probe chart: the probe's score over the generations (outside the loop)
 * and the best of it so far (the run's best-probed record), with what the
 * stream offers beside them, so the domain's own progress reads
 * as a line against a yardstick:
 *  - the domain's reference solver on the very same probe (hello.run.probeReference:
 *    GKL for density classification) as a flat dashed line;
 *  - the probe's per-dimension values (point.probeDimensions: the number games'
 *    champion coordinate / R in each dimension), one line per dimension.
 * The lines depend on the run, so the chart is rebuilt when they change.
 */
import type { Hello } from '../../core/stream/protocol.ts';
import { lineChart, type LineChart, type LineSpec } from './charts.ts';
import { NEUTRAL, PROBE } from './colors.ts';
import type { Series } from './store.ts';

const PROBE_DARK = '#064e3b';

/**
 * The best score so far, at each point where there is a score (null
 * elsewhere: drawn as a staircase between them): the run's best-probed
 * record as a line, which only rises, while the champion's own probe wanders
 * with each generation's new champion.
 */
export function runningMax(values: ReadonlyArray<number | null>): Array<number | null> {
  let best: number | null = null;
  return values.map((v) => {
    if (v == null) return null;
    best = best === null || v > best ? v : best;
    return best;
  });
}

/** Distinct from the solver/challenger pair and from the probe's green. */
const DIMENSION_COLORS = ['#7c3aed', '#db2777', '#0891b2', '#ca8a04', '#4d7c0f', '#9f1239', '#1e40af', '#78350f'];

export interface ProbePanel {
  setRun(hello: Hello | null): void;
  render(series: Series): void;
  resize(): void;
}

/** How many dimensions the newest point that has them reports (0: none). */
export function dimensionCount(series: Series): number {
  for (let i = series.probeDimensions.length - 1; i >= 0; i--) {
    const d = series.probeDimensions[i];
    if (d) return d.length;
  }
  return 0;
}

export function probePanel(host: HTMLElement): ProbePanel {
  let reference: Hello['run']['probeReference'] = null;
  let dims = 0;
  let chart: LineChart | null = null;
  let shape = '';
  const build = () => {
    const next = JSON.stringify([reference, dims]);
    if (chart && next === shape) return;
    shape = next;
    host.replaceChildren();
    const lines: LineSpec[] = [
      { label: 'probe score', color: PROBE, width: 2 },
      { label: 'best probed so far', color: PROBE_DARK, width: 2.5, stepped: true },
      ...(reference ? [{ label: `${reference.label} (same probe)`, color: NEUTRAL, dash: [6, 4], width: 1.5 }] : []),
      ...Array.from({ length: dims }, (_, k) => ({ label: `dimension ${k + 1}`, color: DIMENSION_COLORS[k % DIMENSION_COLORS.length]!, width: 1.5 })),
    ];
    chart = lineChart(host, { height: 220, yRange: 'zoom-unit', lines });
  };
  build();
  return {
    setRun(hello) {
      reference = hello?.run.probeReference ?? null;
      build();
    },
    render(s) {
      dims = dimensionCount(s);
      build();
      const ys: Array<ReadonlyArray<number | null>> = [s.probe, runningMax(s.probe)];
      if (reference) ys.push(s.x.map(() => reference!.score));
      for (let k = 0; k < dims; k++) ys.push(s.probeDimensions.map((d) => d?.[k] ?? null));
      chart!.setData(s.x, ys);
      // For tests and the curious: how many generations the probe line has, and its newest value.
      const scored = s.probe.filter((v) => v != null);
      host.dataset.probePoints = String(scored.length);
      host.dataset.probeLast = scored.length ? String(scored[scored.length - 1]) : '';
      host.dataset.lines = String(ys.length);
    },
    resize() {
      chart?.resize(host.clientWidth);
    },
  };
}
