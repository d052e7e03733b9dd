/**
 * Challengers: initial configurations (ICs) of the circular lattice, one gene
 * per cell (0 or 1). Human format: {"size": N, "ones": k, "configuration": "0110..."},
 * cell 0 first.
 *
 * The density of an IC is what makes it hard: near 1/2 a rule must weigh the
 * whole lattice, far from it a local majority vote already wins. So, as in
 * Juille & Pollack (1998), density is what the challenger genome is built to
 * explore:
 *  - random ICs first draw a density uniformly from [0, 1], then each cell is
 *    1 with that probability, so generation 0 holds easy and hard ICs alike
 *    and weak rules still find ICs they can classify (the arms race starts
 *    engaged rather than with every rule failing every IC);
 *  - mutation either moves the density a few cells up or down (k cells of one
 *    state flip to the other, direction chosen at random, so it is unbiased)
 *    or moves a few 1s to other places without changing the density;
 *  - crossover joins two arcs of the parents, so the child's density lies
 *    near theirs.
 *  - a fraction `immigrants` of mutations draws a fresh random IC instead
 *    (uniform density again). A challenger's fitness is the fraction of rules
 *    it defeats, so selection alone drives every IC to density 1/2 within a
 *    few generations, where every young rule fails every IC: the matrix goes
 *    all 0 and the rules lose their gradient (disengagement; seen in the
 *    first trial runs). Immigrants keep easy and medium ICs in each
 *    generation's population, as Mitchell's GA did with fresh ICs, while the
 *    selected part of the population keeps the hard ones.
 */
import { mutationCount, UserError, type GenomeSpec, type Rng } from '../../core/index.ts';

export function countOnes(cells: ArrayLike<number>): number {
  let ones = 0;
  for (let i = 0; i < cells.length; i++) ones += cells[i]!;
  return ones;
}

/** Flip up to k randomly chosen cells that hold `from` (fewer if fewer hold it). */
function flipCells(g: Float32Array, from: number, k: number, rng: Rng): void {
  for (let done = 0, tries = 0; done < k && tries < 4 * g.length; tries++) {
    const i = rng.int(g.length);
    if (g[i] === from) {
      g[i] = 1 - from;
      done++;
    }
  }
}

/** A uniformly chosen cell holding `value` (the lattice must hold one). */
function pick(g: Float32Array, value: number, rng: Rng): number {
  const count = value === 1 ? countOnes(g) : g.length - countOnes(g);
  let n = rng.int(count);
  for (let i = 0; i < g.length; i++) if (g[i] === value && n-- === 0) return i;
  throw new Error(`no cell holds ${value}`);
}

export function configurationGenome(size: number, immigrants = 0): GenomeSpec {
  const spec: GenomeSpec = {
    length: size,
    noun: 'initial configuration',
    random(rng, out) {
      const density = rng.next();
      for (let i = 0; i < size; i++) out[i] = rng.chance(density) ? 1 : 0;
    },
    mutate(g, rng) {
      if (immigrants > 0 && rng.chance(immigrants)) {
        spec.random(rng, g);
        return;
      }
      const k = mutationCount(rng);
      if (rng.chance(0.5)) {
        // Move the density by k cells, up or down with equal odds.
        flipCells(g, rng.chance(0.5) ? 0 : 1, k, rng);
      } else {
        // Move k ones elsewhere: the pattern changes, the density does not.
        const ones = countOnes(g);
        if (ones === 0 || ones === size) return;
        for (let n = 0; n < k; n++) {
          const one = pick(g, 1, rng);
          const zero = pick(g, 0, rng);
          g[one] = 0;
          g[zero] = 1;
        }
      }
    },
    crossover(a, b, rng, out) {
      // Two cut points on the ring: the arc between them from b, the rest from a.
      const p = rng.int(size);
      const len = rng.int(size + 1);
      out.set(a);
      for (let d = 0; d < len; d++) {
        const i = (p + d) % size;
        out[i] = b[i]!;
      }
    },
    encode(g) {
      let configuration = '';
      for (let i = 0; i < size; i++) configuration += g[i] ? '1' : '0';
      return { size, ones: countOnes(g), configuration };
    },
    decode(value, source) {
      const shape = `{"size": ${size}, "ones": k, "configuration": "<${size} digits 0/1>"}`;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UserError(`${source}: expected an initial configuration ${shape}`);
      }
      const obj = value as Record<string, unknown>;
      const extra = Object.keys(obj).find((k) => k !== 'size' && k !== 'ones' && k !== 'configuration');
      if (extra !== undefined) throw new UserError(`${source}: unknown field "${extra}" in an initial configuration ${shape}`);
      const text = obj.configuration;
      if (typeof text !== 'string' || !/^[01]*$/.test(text)) {
        throw new UserError(`${source}: "configuration" must be a string of 0/1 digits, cell 0 first`);
      }
      if (text.length !== size) {
        throw new UserError(`${source}: "configuration" has ${text.length} cells but this run's lattice has ${size} (--size)`);
      }
      if (obj.size !== undefined && obj.size !== size) {
        throw new UserError(`${source}: "size" is ${JSON.stringify(obj.size)} but this run's lattice has ${size} cells (--size)`);
      }
      const g = Float32Array.from(text, (ch) => (ch === '1' ? 1 : 0));
      if (obj.ones !== undefined && obj.ones !== countOnes(g)) {
        throw new UserError(`${source}: "ones" is ${JSON.stringify(obj.ones)} but the configuration holds ${countOnes(g)} ones`);
      }
      return g;
    },
  };
  return spec;
}
