/** Competitive fitness sharing, the Pareto archive and the difficulty schedule, by hand. */
import { describe, expect, it } from 'vitest';
import { chooseInformative, updateParetoArchive, updateSolverArchive } from '../../../core/remedies/pareto-archive.ts';
import { resolveConfig } from '../../../core/run/config.ts';
import { initialDifficulty, nextDifficulty, DEFAULT_DIFFICULTY } from '../../../core/remedies/difficulty.ts';
import { sharedFitness } from '../../../core/remedies/fitness-sharing.ts';
import type { Interactions } from '../../../core/domain/games.ts';
import { genome, populationOf } from '../../../core/basics/population.ts';
import { stream } from '../../../core/basics/rng.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { toyDomain } from '../../helpers/toy-domain.ts';

function games(S: number, C: number, matrix: number[], past: { rows?: number[]; cols?: number[]; P?: number; R?: number } = {}): Interactions {
  const P = past.P ?? 0;
  const R = past.R ?? 0;
  return {
    solvers: S,
    challengers: C,
    matrix: Float64Array.from(matrix),
    pastSolverMatrix: Float64Array.from(past.rows ?? []),
    pastChallengerMatrix: Float64Array.from(past.cols ?? []),
    pastSolvers: R,
    pastChallengers: P,
    solverScores: new Float64Array(S),
    challengerScores: new Float64Array(C),
    solverMeetings: C + P,
    pairs: 0,
  };
}

const pop = (...xs: number[]) => populationOf(xs.map((x) => Float32Array.of(x)), 1);

describe('competitive fitness sharing', () => {
  it('shares each opponent among the solvers that score against it', () => {
    // s0 beats c0; s1 beats c0 and c1. c0 is shared by two, c1 belongs to s1 alone.
    const f = sharedFitness(toyDomain(), games(2, 2, [1, 0, 1, 1]), pop(0, 0));
    expect([...f.solvers]).toEqual([(1 / 2 + 0) / 2, (1 / 2 + 1) / 2]);
    // Only s0 loses a game (to c1), so c1 takes all of s0's loss; s1 loses nothing.
    expect([...f.challengers]).toEqual([0, 1 / 2]);
  });

  it('a rare win outweighs a common one that plain averaging ranks equal', () => {
    // Three solvers, three challengers: s0 and s1 beat c0, s2 alone beats c2.
    const f = sharedFitness(toyDomain(), games(3, 3, [1, 0, 0, 1, 0, 0, 0, 0, 1]), pop(0, 0, 0));
    expect(f.solvers[2]).toBeGreaterThan(f.solvers[0]!);
    expect(f.solvers[0]).toBe(f.solvers[1]);
  });

  it('counts past opponents, skips unmet pairs, and keeps parsimony a tie-break', () => {
    // s0 met c0 only (NaN for c1), s1 met c1 only; both met one past challenger, which only s1 beat.
    const g = games(2, 2, [1, Number.NaN, Number.NaN, 0.5], { P: 1, cols: [0, 1] });
    const domain = { ...toyDomain(), solverCost: (x: Float32Array) => x[0]! / 10 };
    const f = sharedFitness(domain, { ...g, solverMeetings: 2 }, pop(0, 5));
    expect(f.solvers[0]).toBeCloseTo((1 + 0) / 2, 10);
    expect(f.solvers[1]).toBeCloseTo((1 + 1) / 2, 10);
    expect(f.solvers[1]).toBeLessThan(1);
    // Past solver rows give challengers extra shares: past solver lost to c0 and c1 equally.
    const h = sharedFitness(toyDomain(), games(1, 2, [1, 1], { R: 1, rows: [0, 0] }), pop(0));
    expect([...h.challengers]).toEqual([0.25, 0.25]);
  });
});

describe('Pareto archive', () => {
  // Solvers s0, s1, s2. Old member A: [1,1,1] tells nobody apart. c0 = [1,0,0], c1 = [1,1,0], c2 = c0.
  const matrix = [1, 1, 1, 0, 1, 0, 0, 0, 0];
  const g = games(3, 3, matrix, { P: 1, cols: [1, 1, 1] });
  const archive = pop(100);
  const challengers = pop(10, 11, 12);

  it('keeps the challengers that make the most distinctions', () => {
    const next = updateParetoArchive({ archive, challengers, games: g, archiveOffset: 0, size: 2 });
    // c0 makes (0,1), (0,2); then c1 adds (1,2); c2 adds nothing new and A never did.
    expect([genome(next, 0)[0], genome(next, 1)[0]]).toEqual([10, 11]);
  });

  it('fills free places with old members, so memory survives a converged population', () => {
    const next = updateParetoArchive({ archive, challengers, games: g, archiveOffset: 0, size: 3 });
    expect(Array.from({ length: next.size }, (_, i) => genome(next, i)[0])).toEqual([10, 11, 100]);
    const clones = games(3, 3, [1, 1, 1, 1, 1, 1, 1, 1, 1], { P: 1, cols: [0, 0, 0] });
    const kept = updateParetoArchive({ archive, challengers, games: clones, archiveOffset: 0, size: 4 });
    expect(Array.from({ length: kept.size }, (_, i) => genome(kept, i)[0])).toEqual([100]);
  });

  it('reads the archive\'s columns after the Hall of Fame ones', () => {
    // Two past columns: a Hall of Fame champion, then the archive member, which now separates s0 from the rest.
    const h = games(3, 3, [1, 1, 1, 1, 1, 1, 1, 1, 1], { P: 2, cols: [0, 1, 0, 0, 0, 0] });
    const next = updateParetoArchive({ archive, challengers, games: h, archiveOffset: 1, size: 1 });
    expect(genome(next, 0)[0]).toBe(100);
  });

  it('the lazy greedy picks what the plain greedy picks', () => {
    const rng = stream('greedy');
    for (let t = 0; t < 30; t++) {
      const S = 2 + rng.int(7);
      const cols = Array.from({ length: 1 + rng.int(12) }, () => Float64Array.from({ length: S }, () => rng.int(4) / 3));
      const size = 1 + rng.int(6);
      expect(chooseInformative(cols, size, 0), `case ${t}`).toEqual(plainGreedy(cols, size));
    }
  });
});

function plainGreedy(cols: Float64Array[], size: number): number[] {
  const S = cols[0]!.length;
  const covered = new Set<number>();
  const gain = (o: Float64Array) => {
    let n = 0;
    for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) if (o[a]! > o[b]! && !covered.has(a * S + b)) n++;
    return n;
  };
  const chosen: number[] = [];
  while (chosen.length < size) {
    let best = -1;
    let bestGain = 0;
    cols.forEach((o, i) => {
      if (chosen.includes(i)) return;
      const x = gain(o);
      if (x > bestGain) [best, bestGain] = [i, x];
    });
    if (best < 0) break;
    chosen.push(best);
    for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) if (cols[best]![a]! > cols[best]![b]!) covered.add(a * S + b);
  }
  return chosen;
}

describe('difficulty schedule', () => {
  it('ramps linearly from start to end, then holds', () => {
    const s = { ...DEFAULT_DIFFICULTY, schedule: 'ramp' as const, start: 0.2, end: 1, generations: 4 };
    expect(initialDifficulty(s)).toBe(0.2);
    expect([0, 1, 2, 3, 10].map((g) => nextDifficulty(s, null, g, 0.5))).toEqual([0.4, 0.6000000000000001, 0.8, 1, 1]);
  });

  it('adapts toward the target outcome and stays in [0, 1]', () => {
    const s = { ...DEFAULT_DIFFICULTY, schedule: 'adaptive' as const, start: 0.5, step: 0.1, target: 0.5 };
    expect(nextDifficulty(s, 0.5, 0, 1)).toBeCloseTo(0.55, 12);
    expect(nextDifficulty(s, 0.5, 0, 0)).toBeCloseTo(0.45, 12);
    expect(nextDifficulty(s, 0.99, 0, 1)).toBe(1);
    expect(nextDifficulty(s, 0.01, 0, 0)).toBe(0);
    expect(nextDifficulty(DEFAULT_DIFFICULTY, null, 3, 0)).toBeNull();
    expect(initialDifficulty(DEFAULT_DIFFICULTY)).toBeNull();
  });

  it('is refused for a domain that does not honour it', () => {
    expect(() => resolveConfig(sortingNetworks, [{ source: 'cfg.json', config: { difficulty: { schedule: 'ramp' } } }])).toThrow(
      /field "difficulty.schedule": the sorting-networks domain does not honour/,
    );
  });
});

describe('Pareto archive of solvers', () => {
  it('keeps the solvers that tell challengers apart (a challenger scores 1 - M)', () => {
    // Challengers c0, c1, c2. Solver rows: s0 = [1, 0, 0] (c1, c2 beat it), s1 = [0, 0, 0], s2 = [1, 1, 0].
    // Old member (past solver row) = [0, 0, 0]: every challenger beats it, it tells nobody apart.
    const g = games(3, 3, [1, 0, 0, 0, 0, 0, 1, 1, 0], { R: 1, rows: [0, 0, 0] });
    const archive = pop(100);
    const solvers = pop(10, 11, 12);
    const next = updateSolverArchive({ archive, solvers, games: g, archiveOffset: 0, size: 3 });
    // s0 makes (c1,c0), (c2,c0); s2 then adds (c2,c1); s1 adds nothing; the old member fills the last place.
    expect(Array.from({ length: next.size }, (_, i) => genome(next, i)[0])).toEqual([10, 12, 100]);
    expect(updateSolverArchive({ archive, solvers, games: g, archiveOffset: 0, size: 0 }).size).toBe(0);
  });
});
