/**
 * CIAO (Cliff & Miller 1995, "current individual vs ancestral opponents"):
 * generation g's champion solver against the champion challengers of earlier
 * generations, and its champion challenger against earlier champion solvers.
 * The earlier generations are the roster's members (roster.ts): all
 * of them while the run is shorter than ciaoSamples, then between
 * ciaoSamples/2 and ciaoSamples generations evenly spread over the run, the
 * same ones from row to row. So a row costs at most 2 x ciaoSamples games
 * however long the run. Games use the reference interaction: a handful of
 * pairs, and the reference agrees with every kernel bit for bit.
 */
import type { ChampionHistory } from './champions.ts';
import type { Roster } from './roster.ts';
import type { DomainInstance } from '../domain/domain.ts';

/** Current champions against earlier champions of the other side. */
export interface CiaoRow {
  readonly generations: readonly number[];
  /** Outcome of this generation's champion solver vs the champion challenger of each listed generation. */
  readonly solver: readonly number[];
  /** Score (1 - outcome) of this generation's champion challenger vs each listed champion solver. */
  readonly challenger: readonly number[];
}

export interface CiaoGames {
  readonly row: CiaoRow;
  /** Raw outcomes: g's solver vs each member's challenger, each member's solver vs g's challenger. */
  readonly solverRaw: Float64Array;
  readonly challengerRaw: Float64Array;
}

/** Generation g's CIAO games against every roster member (all earlier than g); null when the roster is empty. */
export function ciaoGames(domain: DomainInstance, history: ChampionHistory, roster: Roster, g: number): CiaoGames | null {
  const n = roster.generations.length;
  if (n === 0) return null;
  const solver = history.solvers[g]!;
  const challenger = history.challengers[g]!;
  const solverRaw = new Float64Array(n);
  const challengerRaw = new Float64Array(n);
  roster.generations.forEach((h, k) => {
    solverRaw[k] = domain.reference(solver, history.challengers[h]!);
    challengerRaw[k] = domain.reference(history.solvers[h]!, challenger);
  });
  const scale = domain.rawScale;
  return {
    row: {
      generations: [...roster.generations],
      solver: Array.from(solverRaw, (r) => r / scale),
      challenger: Array.from(challengerRaw, (r) => 1 - r / scale),
    },
    solverRaw,
    challengerRaw,
  };
}
