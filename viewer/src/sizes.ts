/**
 * The sizes panel, for domains with a record hook (hello.run.records): each
 * of the domain's measures (sorting networks: comparators, depth) of every
 * generation's champion and of the best valid solver so far, with the best
 * known value as a flat dashed line. The measures come from the stream, so
 * the viewer needs no knowledge of any domain.
 */
import type { Hello, RecordEntry } from '../../core/stream/protocol.ts';
import { lineChart, type LineChart, type LineSpec } from './charts.ts';
import { NEUTRAL, PROBE, SOLVER, SOLVER_LIGHT } from './colors.ts';
import type { Series } from './store.ts';

type Measures = NonNullable<Hello['run']['records']>['measures'];

const VALID_LIGHT = '#86d4b4';

export interface SizesPanel {
  /** A new run: rebuild the chart for its measures, or hide the panel. */
  setRun(hello: Hello | null): void;
  render(series: Series, valid: RecordEntry | null): void;
  resize(): void;
}

export function sizesPanel(section: HTMLElement, host: HTMLElement, caption: HTMLElement): SizesPanel {
  let measures: Measures = [];
  let chart: LineChart | null = null;
  let key = '';
  return {
    setRun(hello) {
      const records = hello?.run.records ?? null;
      section.hidden = !records;
      const next = JSON.stringify(records?.measures ?? []);
      if (!records || next === key) return;
      key = next;
      measures = records.measures;
      host.replaceChildren();
      const lines: LineSpec[] = measures.flatMap((m, i) => [
        { label: `champion ${m.label}`, color: i === 0 ? SOLVER : SOLVER_LIGHT },
        { label: `best valid ${m.label}`, color: i === 0 ? PROBE : VALID_LIGHT, width: 2 },
        ...(m.known !== null ? [{ label: `best known ${m.label}`, color: NEUTRAL, dash: i === 0 ? [6, 4] : [2, 3] }] : []),
      ]);
      chart = lineChart(host, { height: 220, lines, integers: true });
      caption.textContent = `valid: ${records.validity}`;
    },
    render(series, valid) {
      if (!chart) return;
      const ys = measures.flatMap((m) => [
        series.sizeChampion.map((r) => r?.[m.key] ?? null),
        series.sizeValid.map((r) => r?.[m.key] ?? null),
        ...(m.known !== null ? [series.x.map(() => m.known)] : []),
      ]);
      chart.setData(series.x, ys);
      if (valid) {
        caption.textContent = `best valid so far: ${valid.summary ?? JSON.stringify(valid.solver)}, found at generation ${valid.generation}`;
      }
    },
    resize() {
      chart?.resize(host.clientWidth);
    },
  };
}
