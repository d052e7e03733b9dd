/**
 * Rock-paper-scissors as a domain: the smallest intransitive game, for tests
 * of the cycling measures. A genome is one gene, 0 rock, 1 paper, 2
 * scissors; the solver scores 2 (of rawScale 2) when it wins, 1 on a draw,
 * 0 when it loses. (s - c) mod 3 = 1 means s wins.
 */
import type { DomainInstance } from '../../core/domain/domain.ts';
import type { Grid, KernelThis } from '../../core/domain/kernel-types.ts';

function rpsKernel(this: KernelThis<Record<string, never>>, rows: Grid, cols: Grid, opponents: Grid): number {
  const c = opponents[this.thread.y]![this.thread.x]!;
  const d = (rows[this.thread.y]![0]! - cols[c]![0]! + 3) % 3;
  if (d === 1) return 2;
  if (d === 0) return 1;
  return 0;
}

export function rpsOutcome(s: number, c: number): number {
  const d = (s - c + 3) % 3;
  return d === 1 ? 2 : d === 0 ? 1 : 0;
}

const side = {
  length: 1,
  noun: 'hand',
  random: (rng: { int(n: number): number }, out: Float32Array) => {
    out[0] = rng.int(3);
  },
  mutate: (g: Float32Array, rng: { int(n: number): number }) => {
    g[0] = (g[0]! + 1 + rng.int(2)) % 3;
  },
  crossover: (a: Float32Array, b: Float32Array, rng: { chance(p: number): boolean }, out: Float32Array) => {
    out[0] = rng.chance(0.5) ? a[0]! : b[0]!;
  },
  encode: (g: Float32Array) => g[0]!,
  decode: (v: unknown) => Float32Array.of(Number(v)),
};

export function rpsDomain(): DomainInstance {
  return {
    name: 'rps',
    options: {},
    solver: side,
    challenger: side,
    kernel: { source: rpsKernel, constants: {}, loopMaxIterations: 1 },
    rawScale: 2,
    reference: (s, c) => rpsOutcome(s[0]!, c[0]!),
    view: 'points',
  };
}

/** A champion history from two lists of genes. */
export function historyOf(solvers: readonly number[], challengers: readonly number[]) {
  return { solvers: solvers.map((x) => Float32Array.of(x)), challengers: challengers.map((x) => Float32Array.of(x)) };
}
