/**
 * The runs overview (`redqueen serve RUNS_DIR`, viewer/overview.html): the
 * runs of a folder in a table (name, setup, domain, seed, generations, state,
 * best probe) and the probe, CIAO and fitness curves of the ticked runs
 * overlaid, one chart each, so seeds of one setup, or setups side by side,
 * can be compared at a glance. A run's name opens the full viewer on it
 * (index.html?run=NAME), timeline included. The data comes from
 * GET /api/runs (core/stream/runs-dir.ts), validated by the shared schema,
 * and is read again every few seconds while a run is still running.
 */
import './zod-setup.ts';
import './style.css';
import './overview.css';
import { formatFraction } from '../../core/basics/format.ts';
import { RUN_PARAM, RUNS_API_PATH, RunsOverviewSchema, type RunsOverview, type RunSummary } from '../../core/stream/runs-protocol.ts';
import { overlayChart, type OverlayLine } from './overview-charts.ts';
import { takeToken } from './token.ts';

/** How often the list is read again while some run is running (finished folders are read once). */
const REFRESH_MS = 5000;
/** One colour per run (Tableau 10): runs, not sides, are what the overlay tells apart. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const byTest = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`overview: missing element ${id}`);
  return el;
};

const token = takeToken();
const table = byTest('runs-table').querySelector('tbody')!;
const meta = document.querySelector('#overview-meta')!;
const notices = document.querySelector('#notices')!;
const charts = {
  probe: overlayChart(byTest('overview-probe'), { height: 240, yRange: [0, 1] }),
  ciao: overlayChart(byTest('overview-ciao'), { height: 240, yRange: [0, 1] }),
  fitness: overlayChart(byTest('overview-fitness'), { height: 240, yRange: [0, 1] }),
};

let overview: RunsOverview | null = null;
/** Runs the user has unticked; new runs start ticked. */
const unticked = new Set<string>();
const colorOf = new Map<string, string>();

function color(name: string): string {
  if (!colorOf.has(name)) colorOf.set(name, PALETTE[colorOf.size % PALETTE.length]!);
  return colorOf.get(name)!;
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function row(run: RunSummary): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.run = run.name;
  const tick = document.createElement('input');
  tick.type = 'checkbox';
  tick.checked = !unticked.has(run.name);
  tick.title = 'overlay this run';
  tick.onchange = () => {
    if (tick.checked) unticked.delete(run.name);
    else unticked.add(run.name);
    drawCharts();
  };
  const first = document.createElement('td');
  const swatch = document.createElement('i');
  swatch.className = 'swatch';
  swatch.style.background = color(run.name);
  first.append(tick, swatch);
  const name = document.createElement('td');
  const link = document.createElement('a');
  // The token travels in the link too: a run opened in a new tab has a session of its own.
  link.href = `index.html?${RUN_PARAM}=${encodeURIComponent(run.name)}${token ? `&token=${encodeURIComponent(token)}` : ''}`;
  link.textContent = run.name;
  link.title = `open ${run.name} in the viewer, with its timeline`;
  name.append(link);
  const setup = cell(run.setup, 'setup');
  setup.title = 'tick every run of this setup, untick the others';
  setup.onclick = () => {
    for (const r of overview?.runs ?? []) {
      if (r.setup === run.setup) unticked.delete(r.name);
      else unticked.add(r.name);
    }
    render();
  };
  const probe = run.bestProbe ? `${formatFraction(run.bestProbe.score, 4)} at ${run.bestProbe.generation}` : '–';
  tr.append(
    first,
    name,
    setup,
    cell(run.title),
    cell(run.seed),
    cell(`${run.generations.toLocaleString('en-US')}${run.target ? ` / ${run.target.toLocaleString('en-US')}` : ''}`, 'num'),
    cell(run.state, `state ${run.state}`),
    cell(probe, 'num'),
    cell(run.differs.join(', ') || (run.setup === 'A' ? '(setup A)' : ''), 'differs'),
  );
  return tr;
}

function lines(pick: (r: RunSummary) => Array<{ suffix: string; dashed: boolean; y: ReadonlyArray<number | null> }>): OverlayLine[] {
  const chosen = (overview?.runs ?? []).filter((r) => !unticked.has(r.name));
  return chosen.flatMap((r) => pick(r).map((p) => ({ label: `${r.name}${p.suffix}`, color: color(r.name), dashed: p.dashed, x: r.curves.x, y: p.y })));
}

function drawCharts(): void {
  charts.probe.set(lines((r) => [{ suffix: '', dashed: false, y: r.curves.probe }]));
  charts.ciao.set(
    lines((r) => [
      { suffix: ' solver', dashed: false, y: r.curves.ciaoSolver },
      { suffix: ' challenger', dashed: true, y: r.curves.ciaoChallenger },
    ]),
  );
  charts.fitness.set(
    lines((r) => [
      { suffix: ' solvers', dashed: false, y: r.curves.solverBest },
      { suffix: ' challengers', dashed: true, y: r.curves.challengerBest },
    ]),
  );
}

function render(): void {
  if (!overview) return;
  const setups = new Set(overview.runs.map((r) => r.setup)).size;
  meta.textContent = `${overview.dir} · ${overview.runs.length} run${overview.runs.length === 1 ? '' : 's'} · ${setups} setup${setups === 1 ? '' : 's'}`;
  table.replaceChildren(...overview.runs.map(row));
  notices.replaceChildren(
    ...overview.unreadable.map((u) => {
      const div = document.createElement('div');
      div.className = 'error';
      div.textContent = `${u.name}: ${u.reason}`;
      return div;
    }),
  );
  drawCharts();
}

let shown = '';
async function load(): Promise<void> {
  try {
    const res = await fetch(RUNS_API_PATH, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
    const body: unknown = await res.json();
    if (!res.ok) throw new Error((body as { error?: string }).error ?? `HTTP ${res.status}`);
    const text = JSON.stringify(body);
    // Redraw only when something changed: a finished folder is drawn once.
    if (text !== shown) {
      overview = RunsOverviewSchema.parse(body);
      shown = text;
      render();
    }
  } catch (e) {
    meta.textContent = `the list of runs could not be read: ${(e as Error).message}`;
  }
  if (overview?.runs.some((r) => r.state === 'running')) setTimeout(() => void load(), REFRESH_MS);
}

document.querySelector<HTMLButtonElement>('[data-testid="select-all"]')!.onclick = () => {
  unticked.clear();
  render();
};
document.querySelector<HTMLButtonElement>('[data-testid="select-none"]')!.onclick = () => {
  for (const r of overview?.runs ?? []) unticked.add(r.name);
  render();
};
new ResizeObserver(() => Object.values(charts).forEach((c) => c.resize())).observe(document.querySelector('main')!);
void load();
