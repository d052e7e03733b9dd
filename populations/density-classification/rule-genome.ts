/**
 * Solvers: rule tables as 128 genes of 0/1 (rule.ts). Random rules draw their
 * fraction of 1 entries (lambda) uniformly from [0, 1] before the entries, as
 * Das, Mitchell and Crutchfield (1994) did: uniform entries would put almost
 * every rule near lambda = 1/2, where random rules classify nothing, while
 * low- and high-lambda rules at least get easy ICs right, so selection has
 * something to work with from generation 0. Mutation flips a few entries;
 * crossover exchanges a contiguous block of entries (neighbourhoods that
 * share their leading cells stay together).
 *
 * With `symmetric`, rules stay symmetric under complement-and-reflect (as GKL
 * is): the entry of a neighbourhood's mirror image (cells complemented, left
 * and right swapped) is the complement of its own entry. Such a rule treats a
 * majority of 1s exactly as it treats the mirrored majority of 0s, so it
 * cannot gain by leaning toward one answer; both uniform states are fixed
 * points together or not at all. It halves the search space (64 free
 * entries). Why it matters in coevolution: without it, the ICs' cheapest
 * attack is the majority the rules lean away from, the rules answer by
 * leaning the other way, and the two sides cycle (seen in a trial run: the
 * champions stayed between 50% and 64% standard accuracy for 1,500
 * generations).
 */
import { mutationCount, type GenomeSpec, type Rng } from '../../core/index.ts';
import { NEIGHBOURHOODS, parseRule, ruleToHex } from './rule.ts';

/** The neighbourhood with every cell complemented and left and right swapped. */
export function mirror(k: number): number {
  let m = 0;
  for (let b = 0; b < 7; b++) m = (m << 1) | (((k >> b) & 1) ^ 1);
  return m;
}

/** Whether table[mirror(k)] == 1 - table[k] for every k. */
export function isSymmetric(table: ArrayLike<number>): boolean {
  for (let k = 0; k < NEIGHBOURHOODS; k++) if (table[mirror(k)] !== 1 - table[k]!) return false;
  return true;
}

/** Make `g` symmetric, keeping the entries of the lower neighbourhood of each mirror pair. */
function symmetrize(g: Float32Array): void {
  for (let k = 0; k < NEIGHBOURHOODS; k++) {
    const m = mirror(k);
    if (k < m) g[m] = 1 - g[k]!;
  }
}

export function ruleGenome(symmetric = false): GenomeSpec {
  return {
    length: NEIGHBOURHOODS,
    noun: 'CA rule',
    random(rng, out) {
      const lambda = rng.next();
      for (let k = 0; k < NEIGHBOURHOODS; k++) out[k] = rng.chance(lambda) ? 1 : 0;
      if (symmetric) symmetrize(out);
    },
    mutate(g, rng) {
      for (let n = mutationCount(rng); n > 0; n--) {
        const k = rng.int(NEIGHBOURHOODS);
        g[k] = 1 - g[k]!;
        if (symmetric) g[mirror(k)] = 1 - g[k]!;
      }
    },
    crossover(a, b, rng, out) {
      let p = rng.int(NEIGHBOURHOODS + 1);
      let q = rng.int(NEIGHBOURHOODS + 1);
      if (p > q) [p, q] = [q, p];
      out.set(a);
      out.set(b.subarray(p, q), p);
      if (symmetric) symmetrize(out);
    },
    encode: (g) => ({ rule: ruleToHex(g) }),
    decode: (value, source) => parseRule(value, source),
  };
}
