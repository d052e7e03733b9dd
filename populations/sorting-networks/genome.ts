/**
 * Genomes. A network is `slots` comparator slots laid out [i0, j0, i1, j1, ...];
 * an unused slot holds (0, 0). Keeping slots fixed and position-aligned lets
 * crossover exchange whole prefixes of the network (as in Hillis 1990) while
 * the number of active comparators, and so the network's size, evolves.
 * A test set is `vectors` integers in [0, 2^inputs), bit w = wire w.
 */
import { mutationCount, UserError, type GenomeSpec, type JsonValue, type Rng } from '../../core/index.ts';
import { parseNetwork, type Comparator, type Network } from './network.ts';

function randomComparator(inputs: number, rng: Rng): [number, number] {
  const i = rng.int(inputs);
  let j = rng.int(inputs - 1);
  if (j >= i) j++;
  return i < j ? [i, j] : [j, i];
}

export function networkOf(genome: Float32Array, inputs: number): Network {
  const comparators: Array<[number, number]> = [];
  for (let k = 0; k < genome.length; k += 2) {
    const i = genome[k]!;
    const j = genome[k + 1]!;
    if (i !== j) comparators.push([i, j]);
  }
  return { inputs, comparators };
}

export function activeComparators(genome: Float32Array): number {
  let n = 0;
  for (let k = 0; k < genome.length; k += 2) if (genome[k] !== genome[k + 1]) n++;
  return n;
}

/** Two-point crossover over aligned units of `unit` genes. */
export function twoPointCrossover(a: Float32Array, b: Float32Array, unit: number, rng: Rng, out: Float32Array): void {
  const units = a.length / unit;
  let p = rng.int(units + 1);
  let q = rng.int(units + 1);
  if (p > q) [p, q] = [q, p];
  out.set(a);
  out.set(b.subarray(p * unit, q * unit), p * unit);
}

/** What a network genome adds around its evolved slots (both optional: the plain genome has neither). */
export interface NetworkExtras {
  /** Fixed comparators before the slots: in the human format, never in the genome. */
  readonly prefix?: readonly Comparator[];
  /** Applied to every crossover child and mutant, after variation (pruning, completion); draws only from `rng`. */
  readonly repair?: (genome: Float32Array, rng: Rng) => void;
}

export function networkGenome(inputs: number, slots: number, initialDensity: number, extras: NetworkExtras = {}): GenomeSpec {
  const length = 2 * slots;
  const prefix = extras.prefix ?? [];
  const repair = extras.repair;
  const setSlot = (g: Float32Array, k: number, c: readonly [number, number] | null): void => {
    g[2 * k] = c ? c[0] : 0;
    g[2 * k + 1] = c ? c[1] : 0;
  };
  return {
    length,
    noun: 'comparator network',
    random(rng, out) {
      for (let k = 0; k < slots; k++) setSlot(out, k, rng.chance(initialDensity) ? randomComparator(inputs, rng) : null);
    },
    mutate(g, rng) {
      for (let n = mutationCount(rng); n > 0; n--) {
        const k = rng.int(slots);
        const op = rng.next();
        if (op < 0.4) {
          // Move one end of the comparator in slot k (activating it if unused).
          const c = g[2 * k] === g[2 * k + 1] ? randomComparator(inputs, rng) : [g[2 * k]!, g[2 * k + 1]!];
          const end = rng.int(2);
          c[end] = rng.int(inputs);
          setSlot(g, k, c[0] === c[1] ? null : [Math.min(c[0]!, c[1]!), Math.max(c[0]!, c[1]!)]);
        } else if (op < 0.55) {
          setSlot(g, k, randomComparator(inputs, rng));
        } else if (op < 0.7) {
          setSlot(g, k, null);
        } else if (op < 0.85) {
          // Swap two slots: order matters in a network.
          const m = rng.int(slots);
          const [a, b] = [g[2 * k]!, g[2 * k + 1]!];
          g[2 * k] = g[2 * m]!;
          g[2 * k + 1] = g[2 * m + 1]!;
          g[2 * m] = a;
          g[2 * m + 1] = b;
        } else {
          // Move slot k to position m, shifting the slots between.
          const m = rng.int(slots);
          const moved = [g[2 * k]!, g[2 * k + 1]!];
          if (k < m) g.copyWithin(2 * k, 2 * k + 2, 2 * m + 2);
          else g.copyWithin(2 * m + 2, 2 * m, 2 * k);
          g[2 * m] = moved[0]!;
          g[2 * m + 1] = moved[1]!;
        }
      }
      repair?.(g, rng);
    },
    crossover: (a, b, rng, out) => {
      twoPointCrossover(a, b, 2, rng, out);
      repair?.(out, rng);
    },
    // The human format is the whole network, prefix included, so it is valid (or not) by itself.
    encode: (g) => {
      const net = networkOf(g, inputs);
      return { inputs: net.inputs, comparators: [...prefix, ...net.comparators].map((c) => [c[0], c[1]]) };
    },
    decode(value, source) {
      const net = parseNetwork(value, source, inputs);
      const k = prefix.findIndex((c, i) => net.comparators[i]?.[0] !== c[0] || net.comparators[i]?.[1] !== c[1]);
      if (k >= 0) {
        throw new UserError(
          `${source}: comparators[${k}] should be [${prefix[k]!.join(', ')}]: this run fixes the first ${prefix.length} comparators (option "prefix"); a network must start with them`,
        );
      }
      const rest = net.comparators.slice(prefix.length);
      if (rest.length > slots) {
        throw new UserError(
          `${source}: ${net.comparators.length} comparators exceed this run's limit of ${slots + prefix.length}; raise --max-comparators`,
        );
      }
      const g = new Float32Array(length);
      rest.forEach((c, k) => setSlot(g, k, c));
      return g;
    },
  };
}

export function testSetGenome(inputs: number, vectors: number): GenomeSpec {
  const bitString = (v: number): string => {
    let s = '';
    for (let w = 0; w < inputs; w++) s += (v >> w) & 1 ? '1' : '0';
    return s;
  };
  return {
    length: vectors,
    noun: 'test set',
    random(rng, out) {
      for (let t = 0; t < vectors; t++) out[t] = rng.int(2 ** inputs);
    },
    mutate(g, rng) {
      for (let n = mutationCount(rng); n > 0; n--) {
        const t = rng.int(vectors);
        g[t] = rng.chance(0.7) ? g[t]! ^ (1 << rng.int(inputs)) : rng.int(2 ** inputs);
      }
    },
    crossover(a, b, rng, out) {
      for (let t = 0; t < vectors; t++) out[t] = rng.chance(0.5) ? a[t]! : b[t]!;
    },
    // Vectors are written wire 0 first: "0110" means wires 1 and 2 hold 1.
    encode: (g): JsonValue => ({ inputs, vectors: Array.from(g, bitString) }),
    decode(value, source) {
      const obj = value as { inputs?: unknown; vectors?: unknown } | null;
      if (!obj || obj.inputs !== inputs || !Array.isArray(obj.vectors) || obj.vectors.length !== vectors) {
        throw new UserError(`${source}: expected {"inputs": ${inputs}, "vectors": [${vectors} strings of ${inputs} 0/1 digits]}`);
      }
      return Float32Array.from(obj.vectors, (s: unknown, t) => {
        if (typeof s !== 'string' || !new RegExp(`^[01]{${inputs}}$`).test(s)) {
          throw new UserError(`${source}: vectors[${t}] must be a string of ${inputs} 0/1 digits, wire 0 first`);
        }
        let v = 0;
        for (let w = 0; w < inputs; w++) if (s[w] === '1') v |= 1 << w;
        return v;
      });
    },
  };
}
