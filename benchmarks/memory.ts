/**
 * Memory per configuration: the process's RSS and JS heap sampled around and
 * between timed runs. RSS includes what JS cannot see (WebAssembly memories,
 * the worker pool, GL buffers); the heap is what the JS side allocates. When
 * node runs with --expose-gc (npm run bench does), a collection before the
 * baseline keeps the previous configuration's garbage out of the delta.
 */
export interface MemoryRecord {
  /** RSS when the configuration started, MiB. */
  readonly rssBeforeMiB: number;
  /** Highest RSS seen while it ran, MiB. */
  readonly rssPeakMiB: number;
  /** Peak minus before: what this configuration added, MiB. */
  readonly rssDeltaMiB: number;
  readonly heapPeakMiB: number;
  readonly heapDeltaMiB: number;
}

const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export class MemoryProbe {
  private readonly rssBefore: number;
  private readonly heapBefore: number;
  private rssPeak: number;
  private heapPeak: number;

  constructor() {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    this.rssBefore = this.rssPeak = m.rss;
    this.heapBefore = this.heapPeak = m.heapUsed;
  }

  sample(): void {
    const m = process.memoryUsage();
    this.rssPeak = Math.max(this.rssPeak, m.rss);
    this.heapPeak = Math.max(this.heapPeak, m.heapUsed);
  }

  result(): MemoryRecord {
    this.sample();
    return {
      rssBeforeMiB: MiB(this.rssBefore),
      rssPeakMiB: MiB(this.rssPeak),
      rssDeltaMiB: MiB(this.rssPeak - this.rssBefore),
      heapPeakMiB: MiB(this.heapPeak),
      heapDeltaMiB: MiB(this.heapPeak - this.heapBefore),
    };
  }
}
