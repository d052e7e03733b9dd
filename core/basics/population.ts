/**
 * A population is one flat Float32Array of `size x length` genes, row-major:
 * the exact layout gpu.js takes as a 2D input, and exactly representable on
 * every backend (domains keep genes to small integers or dyadic fractions so
 * f32 arithmetic on them is exact).
 */
export interface Population {
  readonly size: number;
  readonly length: number;
  readonly genes: Float32Array;
}

export function createPopulation(size: number, length: number): Population {
  return { size, length, genes: new Float32Array(size * length) };
}

/** A view (not a copy) of individual i's genome. */
export function genome(pop: Population, i: number): Float32Array {
  return pop.genes.subarray(i * pop.length, (i + 1) * pop.length);
}

/** A population made of copies of the given genomes, in order. */
export function populationOf(genomes: readonly Float32Array[], length: number): Population {
  const pop = createPopulation(genomes.length, length);
  genomes.forEach((g, i) => {
    if (g.length !== length) throw new Error(`genome ${i} has length ${g.length}, expected ${length}`);
    pop.genes.set(g, i * length);
  });
  return pop;
}

/** A new population of `length`-gene genomes, each written by `write` from the same individual of `pop` (a re-layout for upload, say). */
export function remap(pop: Population, length: number, write: (from: Float32Array, to: Float32Array) => void): Population {
  const out = createPopulation(pop.size, length);
  for (let i = 0; i < pop.size; i++) write(genome(pop, i), genome(out, i));
  return out;
}

export function copyGenome(pop: Population, i: number): Float32Array {
  return genome(pop, i).slice();
}
