/**
 * What a viewer that connects late is sent to catch up: the chart points and
 * CIAO rows of the run so far. Memory stays bounded on runs of any length:
 * when a list is full, every other entry is dropped and the stride doubles,
 * so the kept entries stay evenly spaced over the whole run. The newest point
 * is always kept apart, so the charts end at the current generation.
 */
import type { CiaoRowMessage, PathologyEventMessage, Point } from './protocol.ts';

export const MAX_HISTORY_POINTS = 2048;
export const MAX_HISTORY_CIAO = 256;
/** Pathology events kept for late viewers: the most recent ones (they are rare: a start and an end per episode). */
export const MAX_HISTORY_EVENTS = 256;

/** Entries keyed by generation, thinned to multiples of a doubling stride. */
export class Thinned<T> {
  private items: Array<{ generation: number; value: T }> = [];
  private strideValue = 1;
  constructor(private readonly max: number) {}

  get stride(): number {
    return this.strideValue;
  }

  add(generation: number, value: T): void {
    if (generation % this.strideValue !== 0) return;
    this.items.push({ generation, value });
    while (this.items.length > this.max) {
      this.strideValue *= 2;
      this.items = this.items.filter((x) => x.generation % this.strideValue === 0);
    }
  }

  values(): T[] {
    return this.items.map((x) => x.value);
  }

  clear(): void {
    this.items = [];
    this.strideValue = 1;
  }
}

export class History {
  private readonly points = new Thinned<Point>(MAX_HISTORY_POINTS);
  private readonly ciao = new Thinned<CiaoRowMessage>(MAX_HISTORY_CIAO);
  private latestPoint: Point | null = null;
  private events: PathologyEventMessage[] = [];

  add(point: Point, ciao: CiaoRowMessage | null): void {
    this.points.add(point.generation, point);
    if (ciao) this.ciao.add(ciao.generation, ciao);
    this.latestPoint = point;
    if (point.events.length) this.events = [...this.events, ...point.events].slice(-MAX_HISTORY_EVENTS);
  }

  /** Generations played (the next generation's number). */
  get total(): number {
    return this.latestPoint ? this.latestPoint.generation + 1 : 0;
  }

  snapshot(): { total: number; stride: number; points: Point[]; ciao: CiaoRowMessage[]; events: PathologyEventMessage[] } {
    const points = this.points.values();
    const last = this.latestPoint;
    if (last && points[points.length - 1]?.generation !== last.generation) points.push(last);
    return { total: this.total, stride: this.points.stride, points, ciao: this.ciao.values(), events: [...this.events] };
  }

  clear(): void {
    this.points.clear();
    this.ciao.clear();
    this.latestPoint = null;
    this.events = [];
  }
}
