/**
 * The run's gate: pause, resume, step and pace, applied through the run
 * loop's `beforeGeneration(generation, signal)` hook. The loop awaits
 * `wait()` before each generation; the gate holds it while paused (a step
 * lets one generation through) and spaces generations to the set speed.
 * An abort (Ctrl-C) always opens it at once, so stopping never hangs on a
 * paused viewer. Viewers only change the gate; the run never waits on them.
 */
export interface GateState {
  readonly paused: boolean;
  /** Generations per second; 0 = as fast as the run goes. */
  readonly speed: number;
}

export interface Controls {
  state(): GateState;
  pause(): void;
  resume(): void;
  /** While paused, let `count` more generations run; while running, pause after the current one plus count-1. */
  step(count: number): void;
  setSpeed(generationsPerSecond: number): void;
  /** Called after every change (commands that change nothing are silent). */
  onChange(listener: (state: GateState) => void): void;
}

export class RunGate implements Controls {
  private paused: boolean;
  private speed: number;
  private steps = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private wake: (() => void) | null = null;
  private readonly listeners: Array<(state: GateState) => void> = [];

  constructor(
    initial: GateState = { paused: false, speed: 0 },
    private readonly now: () => number = () => performance.now(),
  ) {
    this.paused = initial.paused;
    this.speed = initial.speed;
  }

  state(): GateState {
    return { paused: this.paused, speed: this.speed };
  }

  onChange(listener: (state: GateState) => void): void {
    this.listeners.push(listener);
  }

  // A command that changes nothing notifies nobody: each notice is a state
  // message to every viewer, and a client repeating "resume" within its rate
  // limit must not make the server broadcast on its behalf.
  pause(): void {
    if (this.paused && this.steps === 0) return;
    this.paused = true;
    this.steps = 0;
    this.changed();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.steps = 0;
    this.changed();
  }

  step(count: number): void {
    // Stepping a running run pauses it: "step" means "show me one at a time".
    this.paused = true;
    this.steps += count;
    this.changed();
  }

  setSpeed(generationsPerSecond: number): void {
    if (this.speed === generationsPerSecond) return;
    this.speed = generationsPerSecond;
    this.changed();
  }

  /** The beforeGeneration hook. */
  async wait(_generation: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) return;
      if (this.paused) {
        if (this.steps > 0) {
          this.steps--;
          this.lastStart = this.now();
          return;
        }
        await this.sleep(Number.POSITIVE_INFINITY, signal);
        continue;
      }
      const due = this.speed > 0 ? this.lastStart + 1000 / this.speed : Number.NEGATIVE_INFINITY;
      const t = this.now();
      if (t >= due) {
        this.lastStart = t;
        return;
      }
      await this.sleep(due - t, signal);
    }
  }

  private changed(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
    const s = this.state();
    for (const l of this.listeners) l(s);
  }

  /** Sleep until `ms` pass, the gate changes, or the signal aborts. */
  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }
}
