/**
 * The interaction, as a plain scalar simulation (the reference every kernel
 * must match bit for bit).
 *
 * Rule s classifies initial configuration c correctly when, at some step
 * t <= steps, the lattice is uniformly c's majority state m AND that uniform
 * state is a fixed point of the rule (table[0] == 0 for all-0, table[127] == 1
 * for all-1). Equivalently: the lattice after `steps` steps is all-m and all-m
 * is a fixed point. The fixed-point condition closes a loophole: a rule with
 * table[0] = 1 and table[127] = 0 flips between all-0 and all-1 and would
 * otherwise be "correct" on half of all configurations by parity alone.
 *
 * Because a uniform fixed point never changes again, the simulation may stop
 * as soon as the lattice is uniform in a fixed state (the outcome is then
 * known), and need not start when all-m is not a fixed point (never correct).
 * N is odd, so the majority is always defined.
 */

/** 1 if `ones` cells out of `size` hold 1 is a majority of 1s, else 0. */
export function majority(ones: number, size: number): 0 | 1 {
  return 2 * ones > size ? 1 : 0;
}

/** Whether the uniform state `state` (0 or 1) maps to itself under `rule`. */
export function isFixed(rule: ArrayLike<number>, state: 0 | 1): boolean {
  return rule[state === 0 ? 0 : 127] === state;
}

/**
 * The reference: 1 if `rule` classifies `ic` correctly within `steps` steps,
 * else 0. One cell at a time, the neighbourhood index kept as a sliding
 * 7-bit window over the circular lattice.
 */
export function classifyReference(rule: ArrayLike<number>, ic: ArrayLike<number>, steps: number): 0 | 1 {
  return simulate(rule, ic, steps).outcome;
}

/** The reference's outcome and the steps it simulated to decide it (benchmarks count steps x cells as work). */
export function simulate(rule: ArrayLike<number>, ic: ArrayLike<number>, steps: number): { outcome: 0 | 1; steps: number } {
  const n = ic.length;
  let cur = new Uint8Array(n);
  let next = new Uint8Array(n);
  let ones = 0;
  for (let i = 0; i < n; i++) {
    cur[i] = ic[i]!;
    ones += cur[i]!;
  }
  const m = majority(ones, n);
  if (!isFixed(rule, m)) return { outcome: 0, steps: 0 };
  const fixed0 = isFixed(rule, 0);
  const fixed1 = isFixed(rule, 1);
  for (let t = 0; ; t++) {
    if (ones === 0 && fixed0) return { outcome: m === 0 ? 1 : 0, steps: t };
    if (ones === n && fixed1) return { outcome: m === 1 ? 1 : 0, steps: t };
    if (t === steps) return { outcome: 0, steps: t };
    // Window of cells i-3 .. i+3 for i = 0, then slide right one cell at a time.
    let idx = 0;
    for (let d = -3; d <= 3; d++) idx = (idx << 1) | cur[(((d % n) + n) % n)]!;
    ones = 0;
    for (let i = 0; i < n; i++) {
      const v = rule[idx]!;
      next[i] = v;
      ones += v;
      let j = i + 4;
      while (j >= n) j -= n;
      idx = ((idx << 1) | cur[j]!) & 127;
    }
    const t2 = cur;
    cur = next;
    next = t2;
  }
}
