/**
 * A tiny domain with outcomes known by hand, for engine tests: a solver is one
 * integer gene, a challenger one integer gene; the solver scores 1 when its
 * gene is larger, 0 otherwise. Mutation adds +-1; crossover picks a parent.
 */
import type { DomainInstance } from '../../core/domain/domain.ts';
import type { Grid, KernelThis } from '../../core/domain/kernel-types.ts';

function toyKernel(this: KernelThis<Record<string, never>>, rows: Grid, cols: Grid, opponents: Grid): number {
  const c = opponents[this.thread.y]![this.thread.x]!;
  if (rows[this.thread.y]![0]! > cols[c]![0]!) return 1;
  return 0;
}

const side = {
  length: 1,
  noun: 'number',
  random: (rng: { int(n: number): number }, out: Float32Array) => {
    out[0] = rng.int(100);
  },
  mutate: (g: Float32Array, rng: { chance(p: number): boolean }) => {
    g[0] = g[0]! + (rng.chance(0.5) ? 1 : -1);
  },
  crossover: (a: Float32Array, b: Float32Array, rng: { chance(p: number): boolean }, out: Float32Array) => {
    out[0] = rng.chance(0.5) ? a[0]! : b[0]!;
  },
  encode: (g: Float32Array) => g[0]!,
  decode: (v: unknown) => Float32Array.of(Number(v)),
};

export function toyDomain(): DomainInstance {
  return {
    name: 'toy',
    options: {},
    solver: side,
    challenger: side,
    kernel: { source: toyKernel, constants: {}, loopMaxIterations: 1 },
    rawScale: 1,
    reference: (s, c) => (s[0]! > c[0]! ? 1 : 0),
    view: 'points',
  };
}
