/**
 * One viewer's outgoing queue. The run pushes and never waits: when a viewer
 * reads too slowly the queue stays bounded by dropping its oldest generation
 * messages, remembering their chart points so the viewer's time series stay
 * complete. The next thing the viewer reads is then a `lagged` notice with
 * those points (or, after a very long stall, a request to resync from a fresh
 * history). State messages coalesce: only the newest one matters.
 */
import type { Point, ServerMessageOf } from './protocol.ts';

export interface QueueLimits {
  /** Messages held for a viewer that is not reading. */
  readonly maxMessages: number;
  /** Characters held for a viewer that is not reading. */
  readonly maxBytes: number;
  /** Points of dropped generations remembered before giving up and resyncing. */
  readonly maxMissedPoints: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxMessages: 32, maxBytes: 4 << 20, maxMissedPoints: 1024 };

/**
 * essential: hello and history, never dropped (at most a couple per connection);
 * generation: dropped oldest first, its points kept; state: replaced by a newer
 * state; note: errors and notices, dropped oldest first when nothing else is left.
 */
export type OutgoingKind = 'essential' | 'generation' | 'state' | 'note';

export interface Outgoing {
  readonly text: string;
  readonly kind: OutgoingKind;
  /** For generation messages: the points (earlier ones, then the newest) to keep if the message is dropped. */
  readonly points?: readonly Point[];
  /** `text` as UTF-8, encoded once and shared by every viewer's queue (sizes still count characters). */
  readonly encoded?: Buffer;
}

export interface Taken {
  readonly text: string;
  readonly encoded?: Buffer;
  /** The viewer missed too much: the caller should queue a fresh history now. */
  readonly resync: boolean;
}

export class ClientQueue {
  private items: Outgoing[] = [];
  private bytes = 0;
  private droppedCount = 0;
  private missed: Point[] = [];
  private needsResync = false;
  /** Generation messages dropped over the queue's life (for tests and diagnostics). */
  totalDropped = 0;

  constructor(private readonly limits: QueueLimits = DEFAULT_QUEUE_LIMITS) {}

  get length(): number {
    return this.items.length;
  }

  get size(): number {
    return this.bytes;
  }

  push(item: Outgoing): void {
    if (item.kind === 'state') this.remove((x) => x.kind === 'state');
    this.items.push(item);
    this.bytes += item.text.length;
    while (this.items.length > this.limits.maxMessages || this.bytes > this.limits.maxBytes) {
      if (!this.dropOldest('generation') && !this.dropOldest('note') && !this.dropOldest('state')) break;
    }
  }

  /** Forget queued generations (a fresh history is about to be queued). */
  clearGenerations(): void {
    this.remove((x) => x.kind === 'generation');
    this.droppedCount = 0;
    this.missed = [];
    this.needsResync = false;
  }

  /** The next message to send, a `lagged` notice first if generations were dropped. */
  take(): Taken | null {
    if (this.droppedCount > 0) {
      const notice: ServerMessageOf<'lagged'> = {
        type: 'lagged',
        dropped: this.droppedCount,
        points: this.needsResync ? [] : this.missed,
        resync: this.needsResync,
      };
      const resync = this.needsResync;
      this.droppedCount = 0;
      this.missed = [];
      this.needsResync = false;
      return { text: JSON.stringify(notice), resync };
    }
    const item = this.items.shift();
    if (!item) return null;
    this.bytes -= item.text.length;
    return { text: item.text, ...(item.encoded ? { encoded: item.encoded } : {}), resync: false };
  }

  private remove(pred: (x: Outgoing) => boolean): void {
    const kept: Outgoing[] = [];
    for (const x of this.items) {
      if (pred(x)) this.bytes -= x.text.length;
      else kept.push(x);
    }
    this.items = kept;
  }

  private dropOldest(kind: OutgoingKind): boolean {
    const i = this.items.findIndex((x) => x.kind === kind);
    if (i < 0) return false;
    const [item] = this.items.splice(i, 1);
    this.bytes -= item!.text.length;
    if (kind === 'generation') {
      this.droppedCount++;
      this.totalDropped++;
      if (!this.needsResync && item!.points) {
        if (this.missed.length + item!.points.length > this.limits.maxMissedPoints) {
          this.needsResync = true;
          this.missed = [];
        } else {
          this.missed.push(...item!.points);
        }
      }
    }
    return true;
  }
}
