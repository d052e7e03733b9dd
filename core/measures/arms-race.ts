/**
 * The arms-race analysis of a run, advanced one generation at a time: CIAO
 * row, regress, roster (live master tournament), dominance chains and
 * pathology detectors. Its state is part of the run state, so it is
 * checkpointed and a resumed run continues it exactly.
 */
import type { ChampionHistory } from './champions.ts';
import { addToRoster, emptyRoster, joinsRoster, type Roster } from './roster.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { Engagement } from './engagement.ts';
import { ciaoGames, type CiaoRow } from './ciao.ts';
import { detect, IDLE_DETECTORS, type DetectorSettings, type DetectorStreaks, type PathologyEvent } from './detectors.ts';
import { EMPTY_CHAINS, updateDominance, type DominanceChains } from './dominance.ts';
import { masterOfRoster, type MasterTournament } from './master.ts';
import { measureRegress, type Regress } from './regress.ts';

export interface ArmsRaceState {
  readonly roster: Roster;
  readonly dominance: DominanceChains;
  readonly detectors: DetectorStreaks;
}

export function initialArmsRace(ciaoSamples: number): ArmsRaceState {
  return { roster: emptyRoster(ciaoSamples), dominance: EMPTY_CHAINS, detectors: IDLE_DETECTORS };
}

export interface ArmsRaceRow {
  readonly ciao: CiaoRow | null;
  readonly regress: Regress;
  readonly dominance: {
    readonly solvers: number;
    readonly challengers: number;
    readonly newSolver: boolean;
    readonly newChallenger: boolean;
  };
  readonly events: PathologyEvent[];
  /** The live master tournament over the roster, this generation included when it joined. */
  readonly master: MasterTournament;
}

export function advanceArmsRace(
  state: ArmsRaceState,
  args: {
    readonly domain: DomainInstance;
    /** Champions up to and including generation g. */
    readonly history: ChampionHistory;
    readonly g: number;
    readonly engagement: Pick<Engagement, 'zeros' | 'ones' | 'solverWins' | 'challengerWins'>;
    readonly probeDetails: Readonly<Record<string, unknown>> | null;
    readonly settings: DetectorSettings;
  },
): { state: ArmsRaceState; row: ArmsRaceRow } {
  const { domain, history, g } = args;
  const games = ciaoGames(domain, history, state.roster, g);
  const measured = measureRegress(state.roster, games, g, domain.rawScale);
  let roster = measured.roster;
  if (joinsRoster(roster, g)) {
    const self = domain.reference(history.solvers[g]!, history.challengers[g]!);
    roster = addToRoster(roster, g, games?.solverRaw ?? [], games?.challengerRaw ?? [], self);
  }
  const dominance = updateDominance(state.dominance, domain, history, g);
  const detected = detect(
    state.detectors,
    { engagement: args.engagement, regress: measured.regress, probeDetails: args.probeDetails },
    g,
    args.settings,
  );
  return {
    state: { roster, dominance: dominance.chains, detectors: detected.streaks },
    row: {
      ciao: games?.row ?? null,
      regress: measured.regress,
      dominance: {
        solvers: dominance.chains.solvers.length,
        challengers: dominance.chains.challengers.length,
        newSolver: dominance.newSolver,
        newChallenger: dominance.newChallenger,
      },
      events: detected.events,
      master: masterOfRoster(roster, domain.rawScale),
    },
  };
}
