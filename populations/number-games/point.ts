/**
 * A player is a point: `dims` integer coordinates in 0..resolution (genes are
 * Float32 holding small integers, exact on every backend). Human format:
 * {"point": [x1, ..., xd], "resolution": R}; a bare array is accepted too.
 *
 * Variation is biased downwards on purpose, as in Watson & Pollack: mutation
 * lowers a coordinate more often than it raises it, so objective progress
 * happens only if selection pulls for it. Without engagement the populations
 * drift down; that is what makes disengagement and cycling visible.
 */
import { UserError, type GenomeSpec, type Rng } from '../../core/index.ts';

export interface PointSettings {
  readonly dims: number;
  readonly resolution: number;
  /** Random players start uniform in 0..initialMax per coordinate. */
  readonly initialMax: number;
  /** A mutated coordinate moves by 1..mutationStep. */
  readonly mutationStep: number;
  /** Probability that a mutated coordinate moves down. */
  readonly mutationBias: number;
}

function clamp(x: number, hi: number): number {
  return Math.min(hi, Math.max(0, x));
}

export function pointGenome(settings: PointSettings, noun: string): GenomeSpec {
  const { dims, resolution, initialMax, mutationStep, mutationBias } = settings;
  const format = `{"point": [${dims} integers from 0 to ${resolution}], "resolution": ${resolution}}`;
  const moveOne = (g: Float32Array, d: number, rng: Rng): void => {
    const size = 1 + rng.int(mutationStep);
    g[d] = clamp(g[d]! + (rng.chance(mutationBias) ? -size : size), resolution);
  };
  return {
    length: dims,
    noun,
    random(rng, out) {
      for (let d = 0; d < dims; d++) out[d] = rng.int(Math.min(initialMax, resolution) + 1);
    },
    mutate(g, rng) {
      // Each coordinate moves with probability 1/dims, and at least one does.
      let moved = false;
      for (let d = 0; d < dims; d++) {
        if (rng.chance(1 / dims)) {
          moveOne(g, d, rng);
          moved = true;
        }
      }
      if (!moved) moveOne(g, rng.int(dims), rng);
    },
    crossover(a, b, rng, out) {
      for (let d = 0; d < dims; d++) out[d] = rng.chance(0.5) ? a[d]! : b[d]!;
    },
    encode: (g) => ({ point: Array.from(g), resolution }),
    decode(value, source) {
      const obj = value as { point?: unknown; resolution?: unknown } | null;
      const point = Array.isArray(value) ? value : obj && typeof obj === 'object' ? obj.point : undefined;
      if (!Array.isArray(point) || point.length !== dims) throw new UserError(`${source}: expected ${format}`);
      if (!Array.isArray(value) && obj!.resolution !== undefined && obj!.resolution !== resolution) {
        throw new UserError(`${source}: "resolution" is ${JSON.stringify(obj!.resolution)} but this run uses ${resolution}`);
      }
      return Float32Array.from(point, (x: unknown, d) => {
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > resolution) {
          throw new UserError(`${source}: point[${d}] must be an integer from 0 to ${resolution}, got ${JSON.stringify(x)}`);
        }
        return x;
      });
    },
  };
}
