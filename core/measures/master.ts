/**
 * The master tournament (Floreano & Nolfi 1997): each generation's champion
 * against the champions of every generation of the other side, earlier and
 * later. A champion's master score is its mean outcome there (solvers) or
 * mean 1 - outcome (challengers); a real arms race shows later champions
 * scoring higher, cycling shows a flat or wavy curve.
 *
 * Live, it is computed over the roster (roster.ts), whose matrix is
 * filled incrementally as members join, so a generation adds at most one
 * game to it. `redqueen analyze` plays it afresh from champions.bin over up
 * to N generations evenly spaced through the whole run.
 */
import type { ChampionHistory } from './champions.ts';
import type { Roster } from './roster.ts';
import { challengerBeats, solverBeats } from './beat.ts';
import type { DomainInstance } from '../domain/domain.ts';

export interface MasterTournament {
  readonly generations: readonly number[];
  /** Mean outcome of each listed generation's champion solver against every listed champion challenger. */
  readonly solver: readonly number[];
  /** Mean score (1 - outcome) of each listed champion challenger against every listed champion solver. */
  readonly challenger: readonly number[];
  /** Fraction of those games won outright (beat.ts), per listed generation. */
  readonly solverWins: readonly number[];
  readonly challengerWins: readonly number[];
}

/** Master scores from a square matrix of raw outcomes (row = solver of generations[i], column = challenger of generations[j]). */
export function masterFromRaw(generations: readonly number[], raw: Float64Array, rawScale: number): MasterTournament {
  const n = generations.length;
  const solver: number[] = [];
  const challenger: number[] = [];
  const solverWins: number[] = [];
  const challengerWins: number[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let wins = 0;
    for (let j = 0; j < n; j++) {
      const r = raw[i * n + j]!;
      sum += r;
      if (solverBeats(r, rawScale)) wins++;
    }
    solver.push(sum / (n * rawScale));
    solverWins.push(wins / n);
  }
  for (let j = 0; j < n; j++) {
    let sum = 0;
    let wins = 0;
    for (let i = 0; i < n; i++) {
      const r = raw[i * n + j]!;
      sum += rawScale - r;
      if (challengerBeats(r, rawScale)) wins++;
    }
    challenger.push(sum / (n * rawScale));
    challengerWins.push(wins / n);
  }
  return { generations: [...generations], solver, challenger, solverWins, challengerWins };
}

export function masterOfRoster(roster: Roster, rawScale: number): MasterTournament {
  return masterFromRaw(roster.generations, roster.raw, rawScale);
}

/** Raw outcomes of the listed generations' champion solvers (rows) against their champion challengers (n^2 reference games). */
export function championMatrix(domain: DomainInstance, history: ChampionHistory, generations: readonly number[]): Float64Array {
  const n = generations.length;
  const raw = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const s = history.solvers[generations[i]!]!;
    for (let j = 0; j < n; j++) raw[i * n + j] = domain.reference(s, history.challengers[generations[j]!]!);
  }
  return raw;
}

/** Play the master tournament among the champions of the listed generations. */
export function masterTournament(domain: DomainInstance, history: ChampionHistory, generations: readonly number[]): MasterTournament {
  return masterFromRaw(generations, championMatrix(domain, history, generations), domain.rawScale);
}

export interface MasterSide {
  /** Mean master score of the first and of the last quarter of the listed generations. */
  readonly firstQuarter: number;
  readonly lastQuarter: number;
  readonly best: { readonly generation: number; readonly score: number };
}

function side(generations: readonly number[], scores: readonly number[]): MasterSide {
  const n = scores.length;
  const q = Math.max(1, Math.floor(n / 4));
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  let best = 0;
  for (let i = 1; i < n; i++) if (scores[i]! > scores[best]!) best = i;
  return {
    firstQuarter: mean(scores.slice(0, q)),
    lastQuarter: mean(scores.slice(n - q)),
    best: { generation: generations[best] ?? 0, score: scores[best] ?? 0 },
  };
}

export function summarizeMaster(m: MasterTournament): { solver: MasterSide; challenger: MasterSide } {
  return { solver: side(m.generations, m.solver), challenger: side(m.generations, m.challenger) };
}
