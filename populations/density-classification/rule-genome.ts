/**
 * Solvers: rule tables as 128 genes of 0/1 (rule.ts). Random rules draw their
 * fraction of 1 entries (lambda) uniformly from [0, 1] before the entries, as
 * Das, Mitchell and Crutchfield (1994) did: uniform entries would put almost
 * every rule near lambda = 1/2, where random rules classify nothing, while
 * low- and high-lambda rules at least get easy ICs right, so selection has
 * something to work with from generation 0. Mutation flips a few entries;
 * crossover exchanges a contiguous block of entries (neighbourhoods that
 * share their leading cells stay together).
 */
import type { GenomeSpec } from '../../core/domain.ts';
import type { Rng } from '../../core/rng.ts';
import { NEIGHBOURHOODS, parseRule, ruleToHex } from './rule.ts';

function changes(rng: Rng): number {
  let n = 1;
  while (rng.chance(0.5)) n++;
  return n;
}

export function ruleGenome(): GenomeSpec {
  return {
    length: NEIGHBOURHOODS,
    noun: 'CA rule',
    random(rng, out) {
      const lambda = rng.next();
      for (let k = 0; k < NEIGHBOURHOODS; k++) out[k] = rng.chance(lambda) ? 1 : 0;
    },
    mutate(g, rng) {
      for (let n = changes(rng); n > 0; n--) {
        const k = rng.int(NEIGHBOURHOODS);
        g[k] = 1 - g[k]!;
      }
    },
    crossover(a, b, rng, out) {
      let p = rng.int(NEIGHBOURHOODS + 1);
      let q = rng.int(NEIGHBOURHOODS + 1);
      if (p > q) [p, q] = [q, p];
      out.set(a);
      out.set(b.subarray(p, q), p);
    },
    encode: (g) => ({ rule: ruleToHex(g) }),
    decode: (value, source) => parseRule(value, source),
  };
}
