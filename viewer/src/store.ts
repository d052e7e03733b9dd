/**
 * The viewer's state, fed by stream messages. Series are plain arrays that
 * uPlot takes as they are; a long run's history is thinned by halves so
 * redraws stay cheap. `apply` returns which panels need a redraw.
 */
import { carried, type CiaoRowMessage, type Detail, type Hello, type PathologyEventMessage, type Point, type RunStatus, type ServerMessage } from '../../core/stream/protocol.ts';

export type Panel = 'header' | 'series' | 'detail' | 'ciao' | 'notice' | 'events';
export type ConnectionStatus = 'connecting' | 'reconnecting';

const MAX_POINTS = 8000;
const MAX_CIAO_ROWS = 512;
const MAX_EVENTS = 256;

export class Series {
  x: number[] = [];
  solverBest: number[] = [];
  solverMean: number[] = [];
  challengerBest: number[] = [];
  challengerMean: number[] = [];
  solverDiversity: number[] = [];
  challengerDiversity: number[] = [];
  engagement: number[] = [];
  ciaoSolver: Array<number | null> = [];
  ciaoChallenger: Array<number | null> = [];
  probe: Array<number | null> = [];
  regressSolver: Array<number | null> = [];
  regressChallenger: Array<number | null> = [];
  /** The domain's measures of the champion and of the best valid solver so far (domains with a record hook). */
  sizeChampion: Array<Readonly<Record<string, number>> | null> = [];
  sizeValid: Array<Readonly<Record<string, number>> | null> = [];
  /** The probe's per-dimension values (number games), null where it has none. */
  probeDimensions: Array<readonly number[] | null> = [];

  get length(): number {
    return this.x.length;
  }

  push(p: Point): void {
    this.x.push(p.generation);
    this.solverBest.push(p.solvers.best);
    this.solverMean.push(p.solvers.mean);
    this.challengerBest.push(p.challengers.best);
    this.challengerMean.push(p.challengers.mean);
    this.solverDiversity.push(p.solvers.diversity);
    this.challengerDiversity.push(p.challengers.diversity);
    this.engagement.push(p.engagement.mean);
    this.ciaoSolver.push(p.ciao?.solver ?? null);
    this.ciaoChallenger.push(p.ciao?.challenger ?? null);
    this.probe.push(p.probe);
    this.regressSolver.push(p.arms?.regress.solver ?? null);
    this.regressChallenger.push(p.arms?.regress.challenger ?? null);
    this.sizeChampion.push(p.records?.champion ?? null);
    this.sizeValid.push(p.records?.valid ?? null);
    this.probeDimensions.push(p.probeDimensions);
    if (this.x.length > MAX_POINTS) this.halve();
  }

  /** Keep every other point (and always the newest). */
  private halve(): void {
    const keep = (_: unknown, i: number, a: unknown[]) => i % 2 === 0 || i === a.length - 1;
    for (const key of Object.keys(this) as Array<keyof Series>) {
      const v = this[key];
      if (Array.isArray(v)) (this as unknown as Record<string, unknown[]>)[key] = v.filter(keep);
    }
  }
}

export class Store {
  hello: Hello | null = null;
  connection: ConnectionStatus | null = 'connecting';
  status: RunStatus = 'starting';
  speed = 0;
  series = new Series();
  /** Generations played so far. */
  played = 0;
  latest: Point | null = null;
  detail: Detail | null = null;
  detailGeneration = -1;
  ciaoRows: CiaoRowMessage[] = [];
  notices: Array<{ level: string; text: string }> = [];
  lagged = 0;
  /** Pathology events, oldest first (from history, then from each point). */
  events: PathologyEventMessage[] = [];

  apply(m: ServerMessage): Set<Panel> {
    const changed = new Set<Panel>();
    switch (m.type) {
      case 'hello':
        this.hello = m;
        this.connection = null;
        this.status = m.state.status;
        this.speed = m.state.speed;
        this.played = m.generation;
        this.series = new Series();
        this.latest = null;
        this.detail = null;
        this.detailGeneration = -1;
        this.ciaoRows = [];
        this.events = [];
        changed.add('header').add('series').add('detail').add('ciao').add('events');
        break;
      case 'history':
        this.series = new Series();
        this.latest = null;
        // Thinned points may have dropped events: take them from the history's own list instead.
        this.events = [...m.events];
        for (const p of m.points) this.addPoint(p, false);
        this.ciaoRows = [];
        for (const r of m.ciao) this.addCiao(r);
        this.played = Math.max(this.played, m.total);
        changed.add('header').add('series').add('ciao').add('events');
        break;
      case 'generation':
        // The generations played since the last message, then the newest: points and CIAO rows.
        for (const g of carried(m)) {
          if (this.addPoint(g.point)) changed.add('series').add('header');
          if (g.point.events.length) changed.add('events');
          if (g.ciao && this.addCiao(g.ciao)) changed.add('ciao');
        }
        if (m.detail && m.point.generation >= this.detailGeneration) {
          this.detail = m.detail;
          this.detailGeneration = m.point.generation;
          changed.add('detail');
        }
        break;
      case 'lagged':
        this.lagged += m.dropped;
        for (const p of m.points) if (this.addPoint(p) && p.events.length) changed.add('events');
        this.notices = [
          ...this.notices.slice(-4),
          {
            level: 'info',
            text: `this page fell behind and skipped the pictures of ${m.dropped} generation${m.dropped === 1 ? '' : 's'}${
              m.resync ? '; reloading the history' : '; the charts are complete'
            }`,
          },
        ];
        changed.add('series').add('header').add('notice');
        break;
      case 'state':
        this.status = m.status;
        this.speed = m.speed;
        this.played = Math.max(this.played, m.generation);
        changed.add('header');
        break;
      case 'notice':
        this.notices = [...this.notices.slice(-4), { level: m.level, text: m.message }];
        changed.add('notice');
        break;
      case 'error':
        this.notices = [...this.notices.slice(-4), { level: 'error', text: m.message }];
        changed.add('notice');
        break;
    }
    return changed;
  }

  /** Points arrive in order; anything not newer than the last one is a duplicate from a catch-up. */
  private addPoint(p: Point, withEvents = true): boolean {
    if (this.latest && p.generation <= this.latest.generation) return false;
    this.series.push(p);
    if (withEvents && p.events.length) this.events = [...this.events, ...p.events].slice(-MAX_EVENTS);
    this.latest = p;
    this.played = Math.max(this.played, p.generation + 1);
    return true;
  }

  private addCiao(r: CiaoRowMessage): boolean {
    const last = this.ciaoRows[this.ciaoRows.length - 1];
    if (last && r.generation <= last.generation) return false;
    this.ciaoRows.push(r);
    if (this.ciaoRows.length > MAX_CIAO_ROWS) {
      this.ciaoRows = this.ciaoRows.filter((_, i, a) => i % 2 === 0 || i === a.length - 1);
    }
    return true;
  }
}
