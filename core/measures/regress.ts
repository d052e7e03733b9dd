/**
 * Regress: the intransitive CIAO pattern behind cycling. A roster challenger
 * c_h counts against generation g's champion solver s_g when some champion
 * solver of a generation between h and g had beaten it, and s_g does not:
 * s_g was preferred by selection over its predecessors, yet it lost the
 * ability to beat what they beat. Then s_j beats c_h, c_h holds s_g, and s_g
 * displaced s_j: an intransitive triple. In steady (transitive) progress the
 * fraction stays near 0; when the populations go round in circles it stays
 * high. The challenger side is the mirror image.
 *
 * Incremental: the roster remembers, per member, the first later generation
 * whose champion beat it (every CIAO row meets every member, so no beat is
 * missed), and each generation reads its own CIAO row against that.
 */
import type { Roster } from './roster.ts';
import { challengerBeats, solverBeats } from './beat.ts';
import type { CiaoGames } from './ciao.ts';

export interface Regress {
  /**
   * Of the roster challengers that a champion solver after them had beaten,
   * the fraction this generation's champion solver does not beat; null when
   * none had been beaten yet.
   */
  readonly solver: number | null;
  /** The mirror image for this generation's champion challenger. */
  readonly challenger: number | null;
  /** How many roster opponents each fraction is over. */
  readonly solverOpponents: number;
  readonly challengerOpponents: number;
}

export const NO_REGRESS: Regress = { solver: null, challenger: null, solverOpponents: 0, challengerOpponents: 0 };

/**
 * Generation g's regress from its CIAO games against the roster, and the
 * roster with g's beats recorded (for later generations).
 */
export function measureRegress(roster: Roster, games: CiaoGames | null, g: number, rawScale: number): { regress: Regress; roster: Roster } {
  if (!games) return { regress: NO_REGRESS, roster };
  const n = roster.generations.length;
  const challengerBeatenAt = roster.challengerBeatenAt.slice();
  const solverBeatenAt = roster.solverBeatenAt.slice();
  let sCount = 0;
  let sLost = 0;
  let cCount = 0;
  let cLost = 0;
  for (let k = 0; k < n; k++) {
    const sWins = solverBeats(games.solverRaw[k]!, rawScale);
    if (challengerBeatenAt[k]! >= 0) {
      sCount++;
      if (!sWins) sLost++;
    } else if (sWins) {
      challengerBeatenAt[k] = g;
    }
    const cWins = challengerBeats(games.challengerRaw[k]!, rawScale);
    if (solverBeatenAt[k]! >= 0) {
      cCount++;
      if (!cWins) cLost++;
    } else if (cWins) {
      solverBeatenAt[k] = g;
    }
  }
  return {
    regress: {
      solver: sCount ? sLost / sCount : null,
      challenger: cCount ? cLost / cCount : null,
      solverOpponents: sCount,
      challengerOpponents: cCount,
    },
    roster: { ...roster, challengerBeatenAt, solverBeatenAt },
  };
}
