/**
 * The run's records (core/measures/records.ts) on sorting networks: the
 * smallest valid network wins, then the shallowest, then the earliest
 * generation; invalid networks never enter however small; the champion is
 * always checked; the other perfect solvers are de-duplicated and checked
 * within a bounded budget; the probed record ranks by score, then cost.
 */
import { describe, expect, it } from 'vitest';
import { populationOf } from '../../../core/basics/population.ts';
import type { DomainInstance, ProbeResult } from '../../../core/domain/domain.ts';
import { MAX_VALIDITY_CHECKS, NO_RECORDS, perfectSolvers, updateRecords, type RunRecords } from '../../../core/measures/records.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';
import { sortsAll } from '../../helpers/sorting-check.ts';

const INPUTS = 4;
const base = sortingNetworks.create(sortingNetworks.options.parse({ inputs: INPUTS, maxComparators: 8 }));

/** The domain with its validity check counted. */
function counted(): { domain: DomainInstance; checks: () => number } {
  let n = 0;
  const hook = base.record!;
  return {
    domain: { ...base, record: { ...hook, isValid: (g) => (n++, hook.isValid(g)) } },
    checks: () => n,
  };
}

const net = (comparators: Array<[number, number]>) => base.solver.decode({ inputs: INPUTS, comparators }, 'test');
// Valid 4-input networks: 5 comparators depth 3; 6 comparators depth 4, depth 5 and depth 3.
const SMALL = net([[0, 1], [2, 3], [0, 2], [1, 3], [1, 2]]);
const BIG = net([[0, 1], [2, 3], [0, 2], [1, 3], [1, 2], [0, 1]]);
const DEEP = net([[0, 1], [1, 2], [2, 3], [0, 1], [1, 2], [0, 1]]);
const SHALLOW = net([[0, 1], [2, 3], [0, 2], [1, 3], [1, 2], [0, 3]]);
const TINY_INVALID = net([[0, 1]]);
const PAIRS: Array<[number, number]> = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]];

function step(domain: DomainInstance, records: RunRecords, generation: number, genomes: Float32Array[], champion = 0, probe: ProbeResult | null = null) {
  return updateRecords(domain, records, {
    generation,
    solvers: populationOf(genomes, base.solver.length),
    champion,
    perfect: genomes.map((_, i) => i),
    probe,
  });
}

describe('run records', () => {
  it('keeps the smallest valid network, then the shallowest, then the earliest', () => {
    const { domain } = counted();
    expect(sortsAll({ inputs: 4, comparators: [[0, 1], [2, 3], [0, 2], [1, 3], [1, 2]] })).toBe(true);
    let r = step(domain, NO_RECORDS, 0, [BIG]);
    expect(r.valid?.generation).toBe(0);
    expect(r.valid?.measures).toEqual([6, 4]);
    r = step(domain, r, 1, [TINY_INVALID, BIG]);
    expect(r.valid?.generation).toBe(0); // an invalid network never enters, however small
    r = step(domain, r, 2, [BIG, DEEP]);
    expect(r.valid?.generation).toBe(0); // DEEP: as many comparators, deeper
    r = step(domain, r, 3, [DEEP, SHALLOW]);
    expect(r.valid?.generation).toBe(3); // SHALLOW: as many comparators, shallower, though not the champion
    expect(r.valid?.measures).toEqual([6, 3]);
    r = step(domain, r, 4, [BIG, SMALL]);
    expect(r.valid?.generation).toBe(4);
    expect(r.valid?.measures).toEqual([5, 3]);
    expect(sortsAll(base.solver.encode(r.valid!.genome) as { inputs: number; comparators: Array<[number, number]> })).toBe(true);
    const again = step(domain, r, 5, [SMALL]);
    expect(again).toBe(r); // a tie keeps the earlier record, unchanged
  });

  it('checks the champion always and the other perfect solvers within a budget, once each', () => {
    const { domain, checks } = counted();
    // 36 distinct two-comparator networks (all invalid: 4 inputs need 5), each twice.
    const invalid = PAIRS.flatMap((a) => PAIRS.map((b) => net([a, b])));
    expect(invalid.length).toBeGreaterThan(MAX_VALIDITY_CHECKS);
    const r = step(domain, NO_RECORDS, 0, [BIG, ...invalid, ...invalid], 0);
    expect(r.valid?.measures).toEqual([6, 4]); // the champion, checked outside the budget
    expect(checks()).toBe(1 + MAX_VALIDITY_CHECKS);
    // Copies count once: 10 copies of one invalid network and the champion cost 2 checks.
    const { domain: d2, checks: c2 } = counted();
    step(d2, NO_RECORDS, 0, [BIG, ...Array.from({ length: 10 }, () => TINY_INVALID)], 0);
    expect(c2()).toBe(2);
    // Only candidates that would beat the record are checked at all.
    const before = checks();
    step(domain, r, 1, [BIG, BIG, DEEP], 0);
    expect(checks()).toBe(before);
  });

  it('finds only perfect solvers as candidates', () => {
    const perfect = perfectSolvers({
      solvers: 3,
      challengers: 2,
      matrix: Float64Array.from([1, Number.NaN, 1, 0.5, Number.NaN, Number.NaN]),
      pastChallengers: 1,
      pastChallengerMatrix: Float64Array.from([1, 1, 1]),
    });
    // Row 1 lost a game; row 2 met no current challenger but won its past one.
    expect(perfect).toEqual([0, 2]);
  });

  it('keeps the best probed solver: higher score, then lower cost, then earliest', () => {
    const probe = (score: number): ProbeResult => ({ score, label: 'p', details: {} });
    let r = step(base, NO_RECORDS, 0, [BIG], 0, probe(0.5));
    expect(r.probed?.generation).toBe(0);
    r = step(base, r, 1, [BIG], 0, probe(0.5));
    expect(r.probed?.generation).toBe(0); // equal score and cost: the earliest
    r = step(base, r, 2, [SMALL], 0, probe(0.5));
    expect(r.probed?.generation).toBe(2); // equal score, fewer comparators
    r = step(base, r, 3, [BIG], 0, probe(0.75));
    expect(r.probed?.generation).toBe(3);
    expect(r.probed?.score).toBe(0.75);
    r = step(base, r, 4, [SMALL], 0, null);
    expect(r.probed?.generation).toBe(3); // no probe this generation
  });
});
