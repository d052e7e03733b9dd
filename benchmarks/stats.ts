/** Repeated measurements summarised as median with min and max. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s.at(-1)!, runs: s.length };
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Seconds one call of `fn` takes. */
export async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

/** A rate from a spread of times: `work` per second, median with min and max (the slowest run gives the min). */
export function rate(work: number, seconds: Spread): Spread {
  return { median: work / seconds.median, min: work / seconds.max, max: work / seconds.min, runs: seconds.runs };
}

export interface Timed {
  /** Seconds of the untimed first call (compiles the kernel, warms caches). */
  readonly first: number;
  /** Seconds of each timed call after it. */
  readonly times: number[];
}

/** One untimed warm-up call of `fn`, then `runs` timed calls; `after` runs after each call, untimed. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, after: () => void = () => {}): Promise<Timed> {
  const first = await seconds(fn);
  after();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    times.push(await seconds(fn));
    after();
  }
  return { first, times };
}
