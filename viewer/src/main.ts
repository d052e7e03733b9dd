/**
 * The Red Queen viewer: connect to the run's stream, keep its state, redraw
 * what changed once per animation frame (however many messages arrived), and
 * send the controls. Test hooks are data-testid attributes in index.html.
 */
import './zod-setup.ts';
import './style.css';
import type { ViewKind } from '../../core/domain/domain.ts';
import { armsSummary, engagementLabel, eventLine, pathologyBanner } from './arms.ts';
import { armsChart } from './arms-chart.ts';
import { championText } from './champion-text.ts';
import { probePanel } from './probe-panel.ts';
import { lineChart } from './charts.ts';
import { drawCiao } from './ciao.ts';
import { CHALLENGER, CHALLENGER_LIGHT, NEUTRAL, OUTCOME_GRADIENT, SOLVER, SOLVER_LIGHT } from './colors.ts';
import { connect, streamUrl } from './connection.ts';
import { openSource } from './source.ts';
import { drawMatrix } from './heatmap.ts';
import { Store, type Panel } from './store.ts';
import { drawDomainView, viewTitle } from './views/index.ts';
import { sizesPanel } from './sizes.ts';
import { timelineBar } from './timeline.ts';
import { formatFraction } from '../../core/basics/format.ts';
import { takeToken } from './token.ts';

const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`viewer: missing element ${sel}`);
  return el;
};
const byTest = <T extends HTMLElement = HTMLElement>(id: string) => $<T>(`[data-testid="${id}"]`);

const store = new Store();
const el = {
  title: $('#run-title'),
  meta: $('#run-meta'),
  generation: byTest('generation'),
  target: $('#gen-target'),
  status: byTest('status'),
  pause: byTest<HTMLButtonElement>('pause'),
  resume: byTest<HTMLButtonElement>('resume'),
  step: byTest<HTMLButtonElement>('step'),
  speed: byTest<HTMLSelectElement>('speed'),
  notices: $('#notices'),
  matrix: byTest<HTMLCanvasElement>('matrix'),
  matrixSize: $('#matrix-size'),
  ciao: byTest<HTMLCanvasElement>('ciao'),
  view: byTest<HTMLCanvasElement>('domain-view'),
  viewTitle: $('#view-title'),
  viewCaption: $('#view-caption'),
  champions: $('#champions'),
  disengagement: byTest('disengagement'),
  probeLabel: $('#probe-label'),
  pathologies: byTest('pathologies'),
  dominance: byTest('dominance'),
  events: byTest<HTMLOListElement>('events'),
};
$('.legend .ramp').style.background = OUTCOME_GRADIENT;

const fitness = lineChart(byTest('fitness-chart'), {
  height: 260,
  yRange: [0, 1],
  lines: [
    { label: 'solvers best', color: SOLVER, width: 2 },
    { label: 'solvers mean', color: SOLVER_LIGHT, dash: [5, 4] },
    { label: 'challengers best', color: CHALLENGER, width: 2 },
    { label: 'challengers mean', color: CHALLENGER_LIGHT, dash: [5, 4] },
  ],
});
const diversity = lineChart($('#diversity-chart'), {
  height: 200,
  yRange: [0, 1],
  lines: [
    { label: 'solver diversity', color: SOLVER },
    { label: 'challenger diversity', color: CHALLENGER },
    { label: 'mean outcome', color: NEUTRAL, dash: [3, 3] },
  ],
});
const probe = probePanel(byTest('probe-chart'));
const arms = armsChart(byTest('arms-chart'));
const master = lineChart(byTest('master-chart'), {
  height: 200,
  yRange: [0, 1],
  lines: [
    { label: 'solver champions', color: SOLVER, width: 2 },
    { label: 'challenger champions', color: CHALLENGER, width: 2 },
  ],
});

const sizes = sizesPanel(byTest('sizes-panel'), byTest('sizes-chart'), byTest('best-valid'));

const dirty = new Set<Panel>();
let frameRequested = false;
function invalidate(panels: Iterable<Panel>): void {
  for (const p of panels) dirty.add(p);
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(render);
  }
}

const conn = openSource({
  message: (m) => invalidate(store.apply(m)),
  down: () => {
    if (store.hello) store.connection = 'reconnecting';
    invalidate(['header']);
  },
  refused: () => {
    store.notices = [{ level: 'error', text: 'the server refuses this viewer: open the URL printed at start (with its ?token=...)' }];
    invalidate(['notice']);
  },
}, (on) => connect(streamUrl(takeToken()), on));

const timeline = timelineBar(store, (m) => conn.send(m), invalidate);

el.pause.onclick = () => conn.send({ type: 'pause' });
el.resume.onclick = () => conn.send({ type: 'resume' });
el.step.onclick = () => conn.send({ type: 'step', count: 1 });
el.speed.onchange = () => conn.send({ type: 'speed', generationsPerSecond: Number(el.speed.value) });

function renderHeader(): void {
  const h = store.hello;
  sizes.setRun(h);
  probe.setRun(h);
  if (h) {
    el.title.textContent = h.run.title;
    el.meta.textContent = `${h.run.domain} · backend ${h.run.backend} · seed ${h.run.seed}${h.mode === 'replay' ? ' · replay from files' : ''}`;
    el.target.textContent = h.run.generations === 0 ? '(until stopped)' : `/ ${h.run.generations}`;
    el.viewTitle.textContent = viewTitle(h.run.view);
  }
  el.generation.textContent = String(store.shownGeneration);
  timeline.render();
  const status = store.connection ?? store.status;
  el.status.textContent = status;
  el.status.className = `status ${status}`;
  const live = !store.connection && (store.status === 'running' || store.status === 'paused');
  const control = live && h?.control === true;
  el.pause.disabled = !control || store.status === 'paused';
  el.resume.disabled = !control || store.status === 'running';
  el.step.disabled = !control;
  el.speed.disabled = !control;
  if (h && !h.control && h.mode === 'live') el.pause.title = el.resume.title = 'controls need the token printed at start';
  // A pace set elsewhere (--speed, another viewer) that the list lacks gets its own entry.
  if (![...el.speed.options].some((o) => Number(o.value) === store.speed)) {
    const option = document.createElement('option');
    option.value = String(store.speed);
    option.textContent = `${store.speed} gen/s`;
    const after = [...el.speed.options].find((o) => Number(o.value) > store.speed || o.value === '0');
    el.speed.insertBefore(option, after ?? null);
  }
  if (document.activeElement !== el.speed) el.speed.value = String(store.speed);
}

function renderSeries(): void {
  const s = store.series;
  fitness.setData(s.x, [s.solverBest, s.solverMean, s.challengerBest, s.challengerMean]);
  diversity.setData(s.x, [s.solverDiversity, s.challengerDiversity, s.engagement]);
  probe.render(s);
  arms.render(s);
  sizes.render(s, store.detail?.records?.valid ?? null);
  el.dominance.textContent = armsSummary(store.latest);
  const p = store.latest;
  if (p) {
    const label = engagementLabel(p, store.events);
    el.disengagement.className = label.warn ? 'disengaged' : 'engaged';
    el.disengagement.textContent = label.text;
  }
}

function renderDetail(): void {
  const d = store.detail;
  const kind: ViewKind | undefined = store.hello?.run.view;
  if (!d || !kind) return;
  drawMatrix(el.matrix, d.matrix);
  el.matrixSize.textContent = `gen ${store.detailGeneration} · ${d.matrix.solvers}×${d.matrix.challengers}${
    d.matrix.rows !== d.matrix.solvers || d.matrix.cols !== d.matrix.challengers ? ` shown as ${d.matrix.rows}×${d.matrix.cols}` : ''
  }`;
  el.viewCaption.textContent = `generation ${store.championsGeneration}: ${drawDomainView(el.view, kind, d)}`;
  const rows: Array<[string, string]> = [];
  if (d.best.summary) rows.push(['solver', d.best.summary]);
  rows.push(['best solver', championText(d.best.solver)], ['best challenger', championText(d.best.challenger)]);
  // The run's records, kept outside selection (best-valid.json, best-probed.json).
  const valid = d.records?.valid;
  if (valid) rows.push(['best valid', `${valid.summary ? `${valid.summary}, ` : ''}generation ${valid.generation}`]);
  const probed = d.records?.probed;
  if (probed && probed.score !== null) {
    rows.push(['best probed', `${formatFraction(probed.score, 4)} at generation ${probed.generation}${probed.summary ? ` (${probed.summary})` : ''}`]);
  }
  el.champions.replaceChildren(
    ...rows.flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }),
  );
  if (d.master) master.setData([...d.master.generations], [d.master.solver, d.master.challenger]);
  sizes.render(store.series, d.records?.valid ?? null);
  if (d.probe) el.probeLabel.textContent = `generation ${store.detailGeneration}: ${d.probe.label} = ${formatFraction(d.probe.score, 4)}`;
}

function renderNotices(): void {
  el.notices.replaceChildren(
    ...store.notices.map((n) => {
      const div = document.createElement('div');
      div.className = n.level;
      div.textContent = n.text;
      return div;
    }),
  );
  const shown = store.notices;
  setTimeout(() => {
    if (store.notices === shown) {
      store.notices = [];
      invalidate(['notice']);
    }
  }, 8000);
}

function renderEvents(): void {
  const banner = pathologyBanner(store.events);
  el.pathologies.className = banner.warn ? 'disengaged' : 'engaged';
  el.pathologies.textContent = banner.text;
  el.events.replaceChildren(
    ...store.events
      .slice()
      .reverse()
      .map((e) => {
        const li = document.createElement('li');
        li.className = e.phase;
        li.textContent = eventLine(e);
        return li;
      }),
  );
}

function render(): void {
  frameRequested = false;
  const panels = new Set(dirty);
  dirty.clear();
  if (panels.has('header')) renderHeader();
  if (panels.has('series')) renderSeries();
  if (panels.has('detail')) renderDetail();
  if (panels.has('ciao')) drawCiao(el.ciao, store.ciaoRows);
  if (panels.has('notice')) renderNotices();
  if (panels.has('events')) renderEvents();
}

// Charts follow their panels' widths; canvases are redrawn at their new size.
const resize = new ResizeObserver(() => {
  fitness.resize(byTest('fitness-chart').clientWidth);
  diversity.resize($('#diversity-chart').clientWidth);
  probe.resize();
  arms.resize(byTest('arms-chart').clientWidth);
  master.resize(byTest('master-chart').clientWidth);
  sizes.resize();
  invalidate(['detail', 'ciao']);
});
for (const target of [byTest('fitness-chart'), $('#diversity-chart'), byTest('probe-chart'), byTest('arms-chart'), byTest('master-chart'), byTest('sizes-chart'), el.view, el.matrix]) {
  resize.observe(target);
}
invalidate(['header']);
