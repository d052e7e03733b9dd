/**
 * Number-game individuals (points in [0,1]^d, or integers) as 2-D points for
 * the scatter view: the first two dimensions (one dimension is spread along
 * y by index), scaled to [0,1] by the points' declared `resolution` (the
 * number-games format, {"point": [...], "resolution": R}), else by the
 * largest coordinate when integers exceed 1. A declared scale keeps the axes
 * still while the populations move, so progress reads as motion.
 */
import type { Json } from '../../../core/stream/protocol.ts';
import { findFirst, numberArray } from './json-search.ts';

export interface Scatter {
  readonly dims: number;
  readonly solvers: Array<[number, number]>;
  readonly challengers: Array<[number, number]>;
  readonly best: { solver: [number, number] | null; challenger: [number, number] | null };
}

export function scatterOf(samples: { solvers: Json[]; challengers: Json[] }, best: { solver: Json; challenger: Json }): Scatter {
  const s = samples.solvers.map(numberArray).filter((p): p is number[] => p !== null);
  const c = samples.challengers.map(numberArray).filter((p): p is number[] => p !== null);
  const bs = numberArray(best.solver);
  const bc = numberArray(best.challenger);
  const all = [...s, ...c, ...(bs ? [bs] : []), ...(bc ? [bc] : [])];
  const dims = all.reduce((d, p) => Math.max(d, p.length), 0);
  const declared = [best.solver, best.challenger, ...samples.solvers].map(resolutionOf).find((r) => r !== null);
  let scale = declared ?? 1;
  if (declared === undefined) for (const p of all) for (const x of p) if (Math.abs(x) > scale) scale = Math.abs(x);
  const to2d = (p: number[], i: number, n: number): [number, number] =>
    dims >= 2 ? [p[0]! / scale, (p[1] ?? 0) / scale] : [p[0]! / scale, n > 1 ? i / (n - 1) : 0.5];
  return {
    dims,
    solvers: s.map((p, i) => to2d(p, i, s.length)),
    challengers: c.map((p, i) => to2d(p, i, c.length)),
    best: { solver: bs ? to2d(bs, 0, 1) : null, challenger: bc ? to2d(bc, 0, 1) : null },
  };
}

/** The `resolution` a point's JSON declares, if any. */
function resolutionOf(value: Json): number | null {
  return findFirst(value, (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
    const r = (v as Record<string, Json>).resolution;
    return typeof r === 'number' && r > 0 ? r : null;
  });
}
