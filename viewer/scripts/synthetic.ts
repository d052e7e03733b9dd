/**
 * Synthetic streams for views whose domains are not in this build: messages
 * in the human formats of docs/design.md "Formats" (CA rule = 32 hex digits; number-game
 * genomes = points in [0,1]^d), built with the engine's own matrix encoder.
 */
import { matrixImage } from '../../core/stream/matrix.ts';
import type { RunInfo } from '../../core/stream/hub.ts';
import type { Detail, Json, Point } from '../../core/stream/protocol.ts';
import { rngFromSeed, type Rng } from '../../core/basics/rng.ts';
import type { ViewKind } from '../../core/domain/domain.ts';

export const GKL = '005F005F005F005F005FFF5F005FFF5F';

export function syntheticInfo(view: ViewKind, generations: number): RunInfo {
  return {
    mode: 'live',
    domain: `synthetic-${view}`,
    title: `Synthetic stream (${view})`,
    seed: '1',
    backend: 'none',
    view,
    generations,
    config: {},
    records: null,
    probeReference: null,
  };
}

function champions(view: ViewKind, g: number, rng: Rng): { solver: Json; challenger: Json; samples: Detail['samples'] } {
  if (view === 'ca-spacetime') {
    const ic = Array.from({ length: 149 }, () => (rng.chance(0.45) ? '1' : '0')).join('');
    return { solver: { rule: GKL }, challenger: { configurations: [ic] }, samples: null };
  }
  if (view === 'points') {
    // Two clouds chasing each other around the unit square.
    const cloud = (cx: number, cy: number) =>
      Array.from({ length: 64 }, () => [
        Math.min(1, Math.max(0, cx + (rng.next() - 0.5) * 0.3)),
        Math.min(1, Math.max(0, cy + (rng.next() - 0.5) * 0.3)),
      ]);
    const a = (g / 20) * Math.PI;
    const solvers = cloud(0.5 + 0.3 * Math.cos(a), 0.5 + 0.3 * Math.sin(a));
    const challengers = cloud(0.5 + 0.3 * Math.cos(a - 0.8), 0.5 + 0.3 * Math.sin(a - 0.8));
    return { solver: solvers[0]!, challenger: challengers[0]!, samples: { solvers, challengers } };
  }
  return {
    solver: { inputs: 4, comparators: [[0, 1], [2, 3], [0, 2], [1, 3], [1, 2]] },
    challenger: { inputs: 4, vectors: ['0110', '1010'] },
    samples: null,
  };
}

function syntheticEvent(phase: 'start' | 'end', generation: number, until: number | null): Point['events'][number] {
  return {
    kind: 'cycling',
    phase,
    generation,
    since: 10,
    until,
    value: 0.6,
    threshold: 0.5,
    message:
      phase === 'start'
        ? 'cycling since generation 10: champion solver fails against 60% of ancestral opponents its predecessors had beaten (threshold 50%) for 10 generations'
        : 'cycling over: generations 10-25; it has not held for 10 generations',
  };
}

export function syntheticGeneration(view: ViewKind, g: number, rows = 48, cols = 32): { point: Point; detail: Detail } {
  const rng = rngFromSeed(`synthetic:${view}:${g}`);
  const matrix = Float64Array.from({ length: rows * cols }, () => (rng.chance(0.05) ? Number.NaN : rng.next()));
  const s = Math.min(1, 0.5 + g / 60 + 0.05 * rng.next());
  const c = 1 - s + 0.1 * rng.next();
  const earlier = Array.from({ length: Math.min(g, 16) }, (_, i) => Math.floor((i * g) / Math.min(g, 16)));
  const { solver, challenger, samples } = champions(view, g, rng);
  // The points view's probe reports the champion's coordinates per dimension, as the number games' does.
  const dimensions = view === 'points' && g % 2 === 0 ? (solver as number[]) : null;
  return {
    point: {
      generation: g,
      solvers: { best: s, mean: s * 0.8, diversity: 0.7 - g / 200 },
      challengers: { best: c, mean: c * 0.8, diversity: 0.6 },
      engagement: { mean: 0.6, zeros: 0.1, ones: 0.2, disengaged: false },
      ciao: g > 0 ? { solver: 0.7, challenger: 0.4 } : null,
      probe: g % 2 === 0 ? Math.min(1, g / 40) : null,
      arms: {
        regress: { solver: g > 2 ? 0.3 + 0.3 * Math.sin(g / 5) ** 2 : null, challenger: g > 2 ? 0.2 : null },
        dominance: { solvers: 1 + Math.floor(g / 7), challengers: 1 + Math.floor(g / 9) },
      },
      // A cycling episode from generation 10, detected at 19, over at 30.
      events:
        g === 19
          ? [syntheticEvent('start', 19, null)]
          : g === 30
            ? [syntheticEvent('end', 30, 25)]
            : [],
      records: null,
      probeDimensions: dimensions,
    },
    detail: {
      matrix: matrixImage({
        matrix,
        rows,
        cols,
        rowScores: Float64Array.from({ length: rows }, () => rng.next()),
        colScores: Float64Array.from({ length: cols }, () => rng.next()),
      }),
      ciao:
        g > 0
          ? {
              generation: g,
              generations: earlier,
              solver: earlier.map((h) => Math.min(1, 0.4 + (g - h) / 30)),
              challenger: earlier.map(() => 0.3),
            }
          : null,
      probe: g % 2 === 0 ? { score: Math.min(1, g / 40), label: 'synthetic probe', details: dimensions ? { dimensions } : {} } : null,
      best: { solver, challenger, summary: null },
      samples,
      master: {
        generations: Array.from({ length: g + 1 }, (_, i) => i),
        solver: Array.from({ length: g + 1 }, (_, i) => Math.min(1, 0.3 + i / 80)),
        challenger: Array.from({ length: g + 1 }, (_, i) => Math.max(0, 0.7 - i / 90)),
      },
      records: null,
    },
  };
}
