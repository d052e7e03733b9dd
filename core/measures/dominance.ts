/**
 * The dominance tournament (Stanley & Miikkulainen 2004), for two
 * populations. In the original, one population plays itself: a generation's
 * champion becomes the next dominant strategy when it beats every earlier
 * dominant strategy. Here solvers only meet challengers, so the two chains
 * grow together:
 *   - generation g's champion solver joins the solver chain when it beats
 *     (M > 1/2, see beat.ts) every challenger already in the challenger chain;
 *   - g's champion challenger joins the challenger chain when it beats
 *     (M < 1/2) every solver already in the solver chain.
 * Both are judged against the chains as they stood before generation g, so
 * generation 0's champions start both chains. A new dominant solver thus
 * handles everything that ever beat the dominant solvers before it. Cycling
 * cannot fake progress: a strategy that wins only against recent opponents
 * fails against some older dominant one, and the chains stall.
 *
 * And a champion joins only when there is something to improve on: g's
 * champion solver joins only if the newest dominant solver does not already
 * beat everything in sight, that is, some dominant challenger or g's own
 * champion challenger holds it (wins or draws). Otherwise, once a side has
 * won (a sorting network that sorts every test set), each of its champions
 * would "beat every dominant opponent" and join, one a generation, and the
 * chain's length would only count generations. The challenger chain mirrors
 * it. In a transitive race each new champion of the other side holds the
 * newest dominant one, so the chains still grow every generation.
 *
 * Cost: a candidate is checked newest dominant opponent first and stops at
 * its first failure, so a generation costs a few games unless its champion
 * joins, which costs one game per chain member; checking whether the newest
 * dominant champion is still unanswered costs a game or two more.
 */
import type { ChampionHistory } from './champions.ts';
import { challengerBeats, solverBeats } from './beat.ts';
import type { DomainInstance } from '../domain/domain.ts';

export interface DominanceChains {
  /** Generations whose champion solver became dominant, ascending. */
  readonly solvers: readonly number[];
  readonly challengers: readonly number[];
}

export const EMPTY_CHAINS: DominanceChains = { solvers: [], challengers: [] };

export interface DominanceStep {
  readonly chains: DominanceChains;
  readonly newSolver: boolean;
  readonly newChallenger: boolean;
}

/**
 * Does the newest member of the chain `own` still beat everything in sight:
 * g's champion of the other side (`beatsCurrent`) and every member k of the
 * other chain that joined at or after it (`beatsMember(k)`; the earlier ones
 * it beat to join)? False for an empty chain.
 */
function unanswered(own: readonly number[], other: readonly number[], beatsMember: (k: number) => boolean, beatsCurrent: () => boolean): boolean {
  const last = own.at(-1);
  if (last === undefined) return false;
  if (!beatsCurrent()) return false;
  for (let k = other.length - 1; k >= 0 && other[k]! >= last; k--) if (!beatsMember(other[k]!)) return false;
  return true;
}

export function updateDominance(chains: DominanceChains, domain: DomainInstance, history: ChampionHistory, g: number): DominanceStep {
  const s = history.solvers[g]!;
  const c = history.challengers[g]!;
  const scale = domain.rawScale;
  const lastSolver = history.solvers[chains.solvers.at(-1) ?? 0]!;
  const lastChallenger = history.challengers[chains.challengers.at(-1) ?? 0]!;
  let newSolver = !unanswered(
    chains.solvers,
    chains.challengers,
    (k) => solverBeats(domain.reference(lastSolver, history.challengers[k]!), scale),
    () => solverBeats(domain.reference(lastSolver, c), scale),
  );
  let newChallenger = !unanswered(
    chains.challengers,
    chains.solvers,
    (k) => challengerBeats(domain.reference(history.solvers[k]!, lastChallenger), scale),
    () => challengerBeats(domain.reference(s, lastChallenger), scale),
  );
  // Newest dominant opponent first: the likeliest to hold a candidate.
  for (let k = chains.challengers.length - 1; k >= 0 && newSolver; k--) {
    newSolver = solverBeats(domain.reference(s, history.challengers[chains.challengers[k]!]!), scale);
  }
  for (let k = chains.solvers.length - 1; k >= 0 && newChallenger; k--) {
    newChallenger = challengerBeats(domain.reference(history.solvers[chains.solvers[k]!]!, c), scale);
  }
  return {
    chains: {
      solvers: newSolver ? [...chains.solvers, g] : chains.solvers,
      challengers: newChallenger ? [...chains.challengers, g] : chains.challengers,
    },
    newSolver,
    newChallenger,
  };
}

/** The chains of a whole champion history (what `redqueen analyze` recomputes from champions.bin). */
export function dominanceTournament(domain: DomainInstance, history: ChampionHistory): DominanceChains {
  let chains = EMPTY_CHAINS;
  for (let g = 0; g < history.solvers.length; g++) chains = updateDominance(chains, domain, history, g).chains;
  return chains;
}
