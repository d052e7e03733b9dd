/**
 * Test sets when a prefix is fixed: every vector is one of the prefix's
 * unsorted distinct outputs (prefix.ts), the state of the wires after the
 * prefix, which the evolved comparators then have to sort. Drawing from all
 * 2^n inputs instead would waste most vectors: the prefix sorts many of them
 * outright and maps the rest onto a few hundred outputs.
 *
 * Mutation mostly moves a vector to a near one (differing on 1 or 2 wires)
 * of the same set, so a parasite can home in on a network's weak spot;
 * sometimes it jumps to any member. The human format is the plain test-set
 * format; decode refuses vectors outside the set.
 */
import { mutationCount, UserError, type GenomeSpec } from '../../core/index.ts';
import { testSetGenome } from './genome.ts';

const popcount = (x: number): number => {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
};

export function unsortedTestSetGenome(inputs: number, vectors: number, unsorted: Int32Array): GenomeSpec {
  if (unsorted.length === 0) throw new Error('the prefix leaves no unsorted output: nothing to test');
  const base = testSetGenome(inputs, vectors);
  const members = new Set(unsorted);
  const near = Array.from(unsorted, (u) => unsorted.filter((v) => v !== u && popcount(u ^ v) <= 2));
  const index = new Map(Array.from(unsorted, (u, k) => [u, k] as const));
  const pick = (r: number): number => unsorted[Math.floor(r * unsorted.length)]!;
  return {
    length: vectors,
    noun: 'test set',
    random(rng, out) {
      for (let t = 0; t < vectors; t++) out[t] = pick(rng.next());
    },
    mutate(g, rng) {
      for (let n = mutationCount(rng); n > 0; n--) {
        const t = rng.int(vectors);
        const close = near[index.get(g[t]!) ?? 0]!;
        g[t] = rng.chance(0.7) && close.length > 0 ? close[rng.int(close.length)]! : pick(rng.next());
      }
    },
    crossover: base.crossover,
    encode: base.encode,
    decode(value, source) {
      const g = base.decode(value, source);
      g.forEach((v, t) => {
        if (!members.has(v)) {
          throw new UserError(
            `${source}: vectors[${t}] is not one of the ${unsorted.length} unsorted outputs of this run's prefix; test vectors are the wires' state after the prefix`,
          );
        }
      });
      return g;
    },
  };
}
