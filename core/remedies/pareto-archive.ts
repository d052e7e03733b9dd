/**
 * A Pareto-coevolution archive of informative challengers, in the spirit of
 * de Jong's IPCA and LAPCA: keep the challengers that tell solvers apart, and
 * make every solver meet them as extra opponents, so the solvers cannot
 * forget how to pass tests that once separated good from bad.
 *
 * A challenger t *distinguishes* solvers a and b when M[a][t] > M[b][t]
 * (the ordered pair (a, b) is one distinction; continuous outcomes count by
 * any difference). Each generation the archive is rebuilt from the old
 * members and the current challengers: greedily, the candidate that adds the
 * most distinctions among the current solvers not yet made by those chosen
 * (ties to old members first, then population order), until `size` are
 * chosen or no candidate adds one; free places then go to the old members
 * not chosen, in their order, so the archive keeps its memory while the
 * solvers have converged and nothing separates them.
 *
 * No extra games: the old members' outcomes come from this generation's
 * games against them, the candidates' from the interaction matrix. The
 * greedy is lazy (a candidate's gain can only shrink as more is covered), so
 * it recomputes few gains per pick; the result equals the plain greedy's.
 */
import { z } from 'zod';
import { UserError } from '../basics/errors.ts';
import { createPopulation, genome, populationOf, type Population } from '../basics/population.ts';
import { PopulationJson, populationFromJson, populationToJson } from '../basics/population-json.ts';
import type { Interactions } from '../domain/games.ts';
import type { Remedy } from './remedy.ts';

/** Outcome columns over the current solvers: old members first, then current challengers; NaN where not met. */
function candidateColumns(games: Interactions, archiveOffset: number, archiveSize: number): Float64Array[] {
  const S = games.solvers;
  const C = games.challengers;
  const P = games.pastChallengers;
  const cols: Float64Array[] = [];
  for (let a = 0; a < archiveSize; a++) {
    cols.push(Float64Array.from({ length: S }, (_, s) => games.pastChallengerMatrix[s * P + archiveOffset + a]!));
  }
  for (let c = 0; c < C; c++) cols.push(Float64Array.from({ length: S }, (_, s) => games.matrix[s * C + c]!));
  return cols;
}

/**
 * The distinctions made so far, as bits: row a, bit b = (a, b) covered. With
 * 1,000 challengers a column's gain was a million compares; as bitsets it is
 * a few thousand words (the same counts, so the same archive).
 */
class Covered {
  readonly words: number;
  readonly bits: Uint32Array;
  constructor(readonly size: number) {
    this.words = Math.ceil(size / 32);
    this.bits = new Uint32Array(size * this.words);
  }
}

/** Most distinct outcomes in a column for the bitset path (outcomes are quanta of rawScale: a few). */
const MAX_LEVELS = 64;

/** For each outcome value x in `o`, the set of b with x > o[b], as bits; null when o has too many distinct values. */
function lessSets(o: Float64Array, words: number): Map<number, Uint32Array> | null {
  const sets = new Map<number, Uint32Array>();
  for (const x of o) {
    if (Number.isNaN(x) || sets.has(x)) continue;
    if (sets.size === MAX_LEVELS) return null;
    const set = new Uint32Array(words);
    for (let b = 0; b < o.length; b++) if (x > o[b]!) set[b >>> 5]! |= 1 << (b & 31);
    sets.set(x, set);
  }
  return sets;
}

function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Distinctions column `o` makes that `covered` does not hold yet. */
function gain(o: Float64Array, covered: Covered, sets: Map<number, Uint32Array> | null): number {
  const S = o.length;
  const W = covered.words;
  const bits = covered.bits;
  let n = 0;
  for (let a = 0; a < S; a++) {
    const x = o[a]!;
    if (Number.isNaN(x)) continue;
    if (sets) {
      const less = sets.get(x)!;
      for (let w = 0; w < W; w++) n += popcount32(less[w]! & ~bits[a * W + w]!);
    } else {
      for (let b = 0; b < S; b++) if (x > o[b]! && ((bits[a * W + (b >>> 5)]! >>> (b & 31)) & 1) === 0) n++;
    }
  }
  return n;
}

function cover(o: Float64Array, covered: Covered, sets: Map<number, Uint32Array> | null): void {
  const S = o.length;
  const W = covered.words;
  const bits = covered.bits;
  for (let a = 0; a < S; a++) {
    const x = o[a]!;
    if (Number.isNaN(x)) continue; // NaN > anything is false: it covers nothing
    if (sets) {
      const less = sets.get(x)!;
      for (let w = 0; w < W; w++) bits[a * W + w]! |= less[w]!;
    } else {
      for (let b = 0; b < S; b++) if (x > o[b]!) bits[a * W + (b >>> 5)]! |= 1 << (b & 31);
    }
  }
}

/**
 * Indices of the chosen candidates (old members are 0..archiveSize-1, then
 * current challengers), in the order chosen.
 */
export function chooseInformative(cols: readonly Float64Array[], size: number, oldMembers: number): number[] {
  const S = cols[0]?.length ?? 0;
  const covered = new Covered(S);
  const sets = cols.map((o) => lessSets(o, covered.words));
  const stale = cols.map((o, i) => gain(o, covered, sets[i]!));
  // Candidates ordered by (stale gain desc, index asc): the plain greedy's order.
  const before = (i: number, j: number) => stale[i]! > stale[j]! || (stale[i] === stale[j] && i < j);
  const open = cols.map((_, i) => i);
  const chosen: number[] = [];
  while (chosen.length < size && open.length > 0) {
    open.sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
    const top = open[0]!;
    stale[top] = gain(cols[top]!, covered, sets[top]!);
    if (stale[top] === 0) {
      // Re-check: a candidate whose fresh gain is 0 can never gain again; drop it.
      open.shift();
      continue;
    }
    const next = open[1];
    if (next === undefined || before(top, next)) {
      chosen.push(top);
      cover(cols[top]!, covered, sets[top]!);
      open.shift();
    }
  }
  for (let a = 0; a < oldMembers && chosen.length < size; a++) if (!chosen.includes(a)) chosen.push(a);
  return chosen;
}

/** The archive for the next generation. `archiveOffset`: where the archive's columns start among the past challengers met. */
export function updateParetoArchive(args: {
  readonly archive: Population;
  readonly challengers: Population;
  readonly games: Interactions;
  readonly archiveOffset: number;
  readonly size: number;
}): Population {
  const { archive, challengers, games, size } = args;
  if (size === 0) return archive.size === 0 ? archive : populationOf([], challengers.length);
  const cols = candidateColumns(games, args.archiveOffset, archive.size);
  const picked = chooseInformative(cols, size, archive.size);
  const genomes = picked.map((k) => (k < archive.size ? genome(archive, k) : genome(challengers, k - archive.size)));
  return populationOf(genomes, challengers.length);
}

/**
 * The mirror image: an archive of informative solvers, kept as extra
 * opponents for the challengers. A solver t distinguishes challengers a and
 * b when it does worse against a than against b (a scores 1 - M[t][a] more).
 * `archiveOffset`: where the archive's rows start among the past solvers met.
 */
export function updateSolverArchive(args: {
  readonly archive: Population;
  readonly solvers: Population;
  readonly games: Interactions;
  readonly archiveOffset: number;
  readonly size: number;
}): Population {
  const { archive, solvers, games, size } = args;
  if (size === 0) return archive.size === 0 ? archive : populationOf([], solvers.length);
  const C = games.challengers;
  const row = (m: Float64Array, r: number) => Float64Array.from({ length: C }, (_, c) => 1 - m[r * C + c]!);
  const cols: Float64Array[] = [];
  for (let a = 0; a < archive.size; a++) cols.push(row(games.pastSolverMatrix, args.archiveOffset + a));
  for (let s = 0; s < games.solvers; s++) cols.push(row(games.matrix, s));
  const picked = chooseInformative(cols, size, archive.size);
  const genomes = picked.map((k) => (k < archive.size ? genome(archive, k) : genome(solvers, k - archive.size)));
  return populationOf(genomes, solvers.length);
}

export interface ParetoSettings {
  /** Informative challengers kept as extra opponents for the solvers (0 = off). */
  readonly challengers: number;
  /** Informative solvers kept as extra opponents for the challengers (0 = off). */
  readonly solvers: number;
}

export interface ParetoArchives {
  readonly challengers: Population;
  readonly solvers: Population;
}

const size = z.number().int().min(0).max(1024);
const ArchivesJson = z.strictObject({ challengers: PopulationJson, solvers: PopulationJson });

/** Both archives as one remedy: members are met after the Hall of Fame sample, as extra past opponents. */
export const paretoArchive: Remedy<'paretoArchive', ParetoSettings, ParetoArchives> = {
  key: 'paretoArchive',
  title: 'Pareto archive of informative opponents (de Jong)',
  schema: z.strictObject({
    challengers: size.optional().describe('informative challengers kept as extra opponents for the solvers (0 = off)'),
    solvers: size.optional().describe('informative solvers kept as extra opponents for the challengers (0 = off)'),
  }),
  defaults: { challengers: 0, solvers: 0 },
  example: { challengers: 4, solvers: 3 },
  extraOpponents: (s) => s,
  init: (_, domain) => ({ challengers: createPopulation(0, domain.challenger.length), solvers: createPopulation(0, domain.solver.length) }),
  opponents: (a) => a,
  next: (s, a, played) => ({
    challengers: updateParetoArchive({
      archive: a.challengers,
      challengers: played.challengers,
      games: played.games,
      archiveOffset: played.offsets.challengers,
      size: s.challengers,
    }),
    solvers: updateSolverArchive({
      archive: a.solvers,
      solvers: played.solvers,
      games: played.games,
      archiveOffset: played.offsets.solvers,
      size: s.solvers,
    }),
  }),
  // Members met this generation; null when both archives are off.
  metrics: (s, a) => ({
    archive: s.challengers > 0 || s.solvers > 0 ? { challengers: a.challengers.size, solvers: a.solvers.size } : null,
  }),
  checkpoint: {
    field: 'archive',
    toJson: (a) => ({ challengers: populationToJson(a.challengers), solvers: populationToJson(a.solvers) }),
    fromJson: (json, ctx) => {
      const parsed = ArchivesJson.safeParse(json);
      if (!parsed.success) throw new UserError(`${ctx.file}: malformed checkpoint payload (archive.${parsed.error.issues[0]?.path.join('.')})`);
      const d = parsed.data;
      if (d.challengers.length !== ctx.challengerLength || d.solvers.length !== ctx.solverLength) {
        throw new UserError(`${ctx.file}: the Pareto archives' genome lengths do not match the populations'`);
      }
      return {
        challengers: populationFromJson(d.challengers, ctx.challengerLength, 'archive.challengers', ctx.file),
        solvers: populationFromJson(d.solvers, ctx.solverLength, 'archive.solvers', ctx.file),
      };
    },
  },
};
