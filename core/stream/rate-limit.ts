/**
 * Per-client rate limit: a token bucket. A viewer's buttons send a few
 * messages a second at most; a client that sends far more is either broken
 * or hostile, and its excess is refused without touching the run.
 */
export interface RateLimits {
  /** Messages per second a client may keep sending. */
  readonly perSecond: number;
  /** Messages a client may send at once after a quiet spell. */
  readonly burst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perSecond: 20, burst: 40 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limits.burst;
    this.last = now();
  }

  /** Take one token; false when the client is over its rate. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((t - this.last) / 1000) * this.limits.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
