/**
 * CIAO, regress, dominance tournament and master tournament on hand-built
 * champion histories with answers worked out by hand, and against naive
 * implementations of the definitions on random histories.
 */
import { describe, expect, it } from 'vitest';
import type { ChampionHistory } from '../../../core/measures/champions.ts';
import { challengerBeats, solverBeats } from '../../../core/measures/beat.ts';
import { DEFAULT_DETECTORS } from '../../../core/measures/detectors.ts';
import { advanceArmsRace, initialArmsRace, type ArmsRaceRow, type ArmsRaceState } from '../../../core/measures/arms-race.ts';
import { dominanceTournament } from '../../../core/measures/dominance.ts';
import { masterTournament, summarizeMaster } from '../../../core/measures/master.ts';
import type { DomainInstance } from '../../../core/domain/domain.ts';
import { stream } from '../../../core/basics/rng.ts';
import { historyOf, rpsDomain } from '../../helpers/rps-domain.ts';
import { toyDomain } from '../../helpers/toy-domain.ts';

const quiet = { engagement: { zeros: 0.5, ones: 0.5, solverWins: 0.5, challengerWins: 0.5 }, probeDetails: null, settings: DEFAULT_DETECTORS };

/** Play the analysis over a whole history, keeping every row and the roster each generation met. */
function replay(domain: DomainInstance, history: ChampionHistory, samples: number) {
  let state: ArmsRaceState = initialArmsRace(samples);
  const rows: ArmsRaceRow[] = [];
  const met: number[][] = [];
  for (let g = 0; g < history.solvers.length; g++) {
    met.push([...state.roster.generations]);
    const prefix = { solvers: history.solvers.slice(0, g + 1), challengers: history.challengers.slice(0, g + 1) };
    const r = advanceArmsRace(state, { domain, history: prefix, g, ...quiet });
    state = r.state;
    rows.push(r.row);
  }
  return { state, rows, met };
}

describe('transitive arms race (larger number wins)', () => {
  const domain = toyDomain();
  const history = historyOf([1, 3, 5, 7, 9], [2, 4, 6, 8, 10]);
  const { state, rows } = replay(domain, history, 64);

  it('CIAO: each champion solver beats every earlier champion challenger', () => {
    expect(rows[0]!.ciao).toBeNull();
    expect(rows[4]!.ciao).toEqual({ generations: [0, 1, 2, 3], solver: [1, 1, 1, 1], challenger: [1, 1, 1, 1] });
  });

  it('no regress, and both dominance chains grow every generation', () => {
    for (const r of rows) expect([r.regress.solver ?? 0, r.regress.challenger ?? 0]).toEqual([0, 0]);
    expect(state.dominance).toEqual({ solvers: [0, 1, 2, 3, 4], challengers: [0, 1, 2, 3, 4] });
    expect(rows.map((r) => r.dominance.newSolver)).toEqual([true, true, true, true, true]);
  });

  it('master tournament: later champions score higher', () => {
    const m = rows[4]!.master;
    expect(m.generations).toEqual([0, 1, 2, 3, 4]);
    // Solver 1 beats none of 2..10, solver 3 beats one, ... solver 9 beats four.
    expect(m.solver).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    // Challenger 2 holds only solver 1; challenger 10 holds all five.
    expect(m.challenger).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    const s = summarizeMaster(m);
    expect(s.solver.lastQuarter).toBeGreaterThan(s.solver.firstQuarter);
    expect(s.challenger.best).toEqual({ generation: 4, score: 1 });
  });
});

describe('rock-paper-scissors (intransitive)', () => {
  const domain = rpsDomain();
  // Rock, paper, scissors, again and again; each challenger champion is what its solver beats.
  const history = historyOf([0, 1, 2, 0, 1, 2], [2, 0, 1, 2, 0, 1]);
  const { state, rows } = replay(domain, history, 64);

  it('CIAO counts draws as 1/2', () => {
    // Rock vs scissors (win), rock (draw), paper (loss); scissors' challenger view of rock, paper, scissors.
    expect(rows[3]!.ciao).toEqual({ generations: [0, 1, 2], solver: [1, 0.5, 0], challenger: [0, 1, 0.5] });
  });

  it('regress: the champion challenger of 3 loses to the solver that challenger 2 had beaten', () => {
    expect(rows[3]!.regress).toEqual({ solver: null, challenger: 1, solverOpponents: 0, challengerOpponents: 1 });
  });

  it('the dominance chains stall', () => {
    expect(state.dominance).toEqual({ solvers: [0], challengers: [0, 2, 5] });
    expect(dominanceTournament(domain, history)).toEqual(state.dominance);
  });
});

describe('dominance once a side has won', () => {
  // Larger number wins; from generation 3 every champion solver (100 + g)
  // beats every challenger there will ever be (at most 10).
  const n = 40;
  const history = historyOf(
    Array.from({ length: n }, (_, g) => (g < 3 ? g : 100 + g)),
    Array.from({ length: n }, (_, g) => Math.min(10, g + 1)),
  );
  const { state, rows } = replay(toyDomain(), history, 64);

  it('a solver that already beats everything is not followed by one a generation', () => {
    // 0 starts both chains; 2 and challenger 2 (3) answer them; 3 (103) beats every challenger, and nothing holds it after.
    expect(state.dominance).toEqual({ solvers: [0, 2, 3], challengers: [0, 2, 3] });
    expect(rows.slice(4).some((r) => r.dominance.newSolver || r.dominance.newChallenger)).toBe(false);
    // The rule without the second condition ("beats every dominant challenger") would add 4, 5, ..., 39.
    expect(dominanceTournament(toyDomain(), history)).toEqual(state.dominance);
  });
});

describe('a cycling episode across a stride doubling of the roster', () => {
  // Larger number wins. Solvers 1, 3, 5 and 6 are weak (0) and beaten by the
  // challengers after them (5); from generation 8 the champion challengers
  // (-1) fail against all four: regress 1 on the challenger side, while the
  // strong solvers (1000) show none. At generation 32 the roster (32 members)
  // doubles its stride and keeps only even generations: of the four, only 6.
  const n = 70;
  const weak = new Set([1, 3, 5, 6]);
  const history = historyOf(
    Array.from({ length: n }, (_, g) => (weak.has(g) ? 0 : 1000)),
    Array.from({ length: n }, (_, g) => (g < 8 ? 5 : -1)),
  );
  const { rows } = replay(toyDomain(), history, 32);

  it('the thinning takes the challenger side below the minimum of 4 opponents', () => {
    expect(rows[32]!.regress).toMatchObject({ challenger: 1, challengerOpponents: 4, solver: 0 });
    expect(rows[33]!.regress).toMatchObject({ challenger: 1, challengerOpponents: 1, solver: 0 });
  });

  it('and the episode goes on, since the evidence left still shows regress', () => {
    const events = rows.flatMap((r) => r.events);
    // Generations 8..17 start it. Before the fix the solver side's 0 took over at 33 and it ended at 42.
    expect(events.map((e) => [e.kind, e.phase, e.generation, e.since])).toEqual([['cycling', 'start', 17, 8]]);
  });
});

/** The regress definition, played out naively from the history and the roster members each generation met. */
function naiveRegress(domain: DomainInstance, h: ChampionHistory, g: number, members: readonly number[]) {
  const scale = domain.rawScale;
  const S = (j: number, c: number) => solverBeats(domain.reference(h.solvers[j]!, h.challengers[c]!), scale);
  const C = (s: number, j: number) => challengerBeats(domain.reference(h.solvers[s]!, h.challengers[j]!), scale);
  const between = (x: number) => Array.from({ length: g - x - 1 }, (_, k) => x + 1 + k);
  const sBeaten = members.filter((x) => between(x).some((j) => S(j, x)));
  const cBeaten = members.filter((x) => between(x).some((j) => C(x, j)));
  return {
    solver: sBeaten.length ? sBeaten.filter((x) => !S(g, x)).length / sBeaten.length : null,
    challenger: cBeaten.length ? cBeaten.filter((x) => !C(x, g)).length / cBeaten.length : null,
    solverOpponents: sBeaten.length,
    challengerOpponents: cBeaten.length,
  };
}

function naiveDominance(domain: DomainInstance, h: ChampionHistory) {
  const scale = domain.rawScale;
  const solvers: number[] = [];
  const challengers: number[] = [];
  const S = (s: number, c: number) => solverBeats(domain.reference(h.solvers[s]!, h.challengers[c]!), scale);
  const C = (s: number, c: number) => challengerBeats(domain.reference(h.solvers[s]!, h.challengers[c]!), scale);
  for (let g = 0; g < h.solvers.length; g++) {
    // A candidate beats every dominant opponent, and the newest dominant one of its side does not already beat them all and g's champion.
    const lastS = solvers.at(-1);
    const lastC = challengers.at(-1);
    const sDone = lastS !== undefined && [...challengers, g].every((c) => S(lastS, c));
    const cDone = lastC !== undefined && [...solvers, g].every((x) => C(x, lastC));
    const s = !sDone && challengers.every((c) => S(g, c));
    const c = !cDone && solvers.every((x) => C(x, g));
    if (s) solvers.push(g);
    if (c) challengers.push(g);
  }
  return { solvers, challengers };
}

describe('against the definitions, on random histories', () => {
  const cases: Array<[string, DomainInstance, number]> = [
    ['rock-paper-scissors', rpsDomain(), 3],
    ['larger number wins', toyDomain(), 12],
  ];
  for (const [name, domain, values] of cases) {
    it(`${name}: regress, dominance, roster matrix`, () => {
      for (let seed = 0; seed < 5; seed++) {
        const rng = stream('histories', name, seed);
        const n = 60;
        // Drifting champions, so beats come and go.
        let s = 0;
        let c = 0;
        const hs: number[] = [];
        const hc: number[] = [];
        for (let g = 0; g < n; g++) {
          s = (s + rng.int(3) - 1 + values) % values;
          c = (c + rng.int(3) - 1 + values) % values;
          hs.push(s);
          hc.push(c);
        }
        const history = historyOf(hs, hc);
        const samples = 6;
        const { state, rows, met } = replay(domain, history, samples);
        for (let g = 1; g < n; g++) expect(rows[g]!.regress, `seed ${seed}, generation ${g}`).toEqual(naiveRegress(domain, history, g, met[g]!));
        expect(state.dominance).toEqual(naiveDominance(domain, history));
        expect(state.roster.generations.length).toBeLessThanOrEqual(samples);
        expect(rows[n - 1]!.master).toEqual(masterTournament(domain, history, state.roster.generations));
      }
    });
  }
});
