/**
 * The viewer's state, fed by stream messages. Series are plain arrays that
 * uPlot takes as they are; a long run's history is thinned by halves so
 * redraws stay cheap. `apply` returns which panels need a redraw.
 *
 * In a replay the timeline can pin the page to an earlier generation (a
 * `snapshot` answers its `seek`): then `series`, `latest`, `detail`,
 * `ciaoRows` and `events` read as they were at that generation, while the
 * run's newer generations keep arriving underneath for when the page follows
 * the run again.
 */
import {
  carried,
  type CiaoRowMessage,
  type Detail,
  type Hello,
  type PathologyEventMessage,
  type Point,
  type RunStatus,
  type ServerMessage,
  type Snapshot,
} from '../../core/stream/protocol.ts';

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

  /** The points up to generation g, plus `at` (g's own point) when thinning left g out. */
  upTo(g: number, at: Point | null): Series {
    let n = 0;
    while (n < this.x.length && this.x[n]! <= g) n++;
    const cut = new Series();
    for (const key of Object.keys(this) as Array<keyof Series>) {
      const v = this[key];
      if (Array.isArray(v)) (cut as unknown as Record<string, unknown[]>)[key] = v.slice(0, n);
    }
    if (at && at.generation === g && cut.x[cut.x.length - 1] !== g) cut.push(at);
    return cut;
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
  /** Generations played so far. */
  played = 0;
  notices: Array<{ level: string; text: string }> = [];
  lagged = 0;
  /** The generation the timeline pinned the page to (replays), or null: the page follows the run. */
  pinned: Snapshot | null = null;
  /** What the run has sent, newest last; the getters below read it at the pinned generation. */
  private all = new Series();
  private newest: Point | null = null;
  private followed: { detail: Detail | null; generation: number } = { detail: null, generation: -1 };
  private rows: CiaoRowMessage[] = [];
  /** Pathology events, oldest first (from history, then from each point). */
  private allEvents: PathologyEventMessage[] = [];
  private cut: { key: string; series: Series } | null = null;
  private pinnedDetail: { of: Snapshot; detail: Detail } | null = null;

  get series(): Series {
    const p = this.pinned;
    if (!p) return this.all;
    const key = `${p.generation}:${this.all.length}:${this.all.x[this.all.length - 1]}`;
    if (this.cut?.key !== key) this.cut = { key, series: this.all.upTo(p.generation, p.point) };
    return this.cut.series;
  }

  get latest(): Point | null {
    return this.pinned ? this.pinned.point : this.newest;
  }

  /**
   * The picture shown: the pinned generation's nearest kept one, with that
   * generation's own champions when the snapshot has them, else the newest.
   * (The points view draws sampled individuals of the kept frame: its champions stay the frame's.)
   */
  get detail(): Detail | null {
    const p = this.pinned;
    if (!p) return this.followed.detail;
    if (!p.detail || !p.champions || this.hello?.run.view === 'points') return p.detail;
    if (this.pinnedDetail?.of !== p) this.pinnedDetail = { of: p, detail: { ...p.detail, best: p.champions } };
    return this.pinnedDetail.detail;
  }

  get detailGeneration(): number {
    return this.pinned ? (this.pinned.detailGeneration ?? -1) : this.followed.generation;
  }

  /** The generation of the champions shown (and of the domain view drawing them). */
  get championsGeneration(): number {
    const p = this.pinned;
    return p && p.detail && p.champions && this.hello?.run.view !== 'points' ? p.generation : this.detailGeneration;
  }

  get ciaoRows(): CiaoRowMessage[] {
    const p = this.pinned;
    return p ? this.rows.filter((r) => r.generation <= p.generation) : this.rows;
  }

  get events(): PathologyEventMessage[] {
    const p = this.pinned;
    return p ? this.allEvents.filter((e) => e.generation <= p.generation) : this.allEvents;
  }

  /** The generation number the header shows: the pinned one, else the generations played. */
  get shownGeneration(): number {
    return this.pinned ? this.pinned.generation : this.played;
  }

  /** Leave the pinned generation and follow the run again. */
  follow(): Set<Panel> {
    this.pinned = null;
    return new Set<Panel>(['header', 'series', 'detail', 'ciao', 'events']);
  }

  apply(m: ServerMessage): Set<Panel> {
    const changed = new Set<Panel>();
    switch (m.type) {
      case 'hello':
        this.hello = m;
        this.connection = null;
        this.status = m.state.status;
        this.speed = m.state.speed;
        this.played = m.generation;
        this.all = new Series();
        this.newest = null;
        this.followed = { detail: null, generation: -1 };
        this.rows = [];
        this.allEvents = [];
        // A new greeting (a restarted replay) may not have the pinned generation any more.
        this.pinned = null;
        changed.add('header').add('series').add('detail').add('ciao').add('events');
        break;
      case 'history':
        this.all = new Series();
        this.newest = null;
        // Thinned points may have dropped events: take them from the history's own list instead.
        this.allEvents = [...m.events];
        for (const p of m.points) this.addPoint(p, false);
        this.rows = [];
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
        if (m.detail && m.point.generation >= this.followed.generation) {
          this.followed = { detail: m.detail, generation: m.point.generation };
          changed.add('detail');
        }
        break;
      case 'snapshot':
        this.pinned = m;
        changed.add('header').add('series').add('detail').add('ciao').add('events');
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
    if (this.newest && p.generation <= this.newest.generation) return false;
    this.all.push(p);
    if (withEvents && p.events.length) this.allEvents = [...this.allEvents, ...p.events].slice(-MAX_EVENTS);
    this.newest = p;
    this.played = Math.max(this.played, p.generation + 1);
    return true;
  }

  private addCiao(r: CiaoRowMessage): boolean {
    const last = this.rows[this.rows.length - 1];
    if (last && r.generation <= last.generation) return false;
    this.rows.push(r);
    if (this.rows.length > MAX_CIAO_ROWS) {
      this.rows = this.rows.filter((_, i, a) => i % 2 === 0 || i === a.length - 1);
    }
    return true;
  }
}
