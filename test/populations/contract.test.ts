/**
 * The shared domain contract, run over every registered domain: genomes
 * round-trip through the human format, variation is deterministic and stays
 * in the genome space, and every working backend's kernel returns exactly the
 * reference's raw outcome on random and on evolved genomes.
 */
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../populations/index.ts';
import { createPopulation, genome } from '../../core/basics/population.ts';
import { stream } from '../../core/basics/rng.ts';
import { crossCheck, kernelEvaluator, randomPair, referenceEvaluator } from '../../core/backends/evaluator.ts';
import { sampledOpponents } from '../../core/engine/interactions.ts';
import { breed } from '../../core/engine/breed.ts';
import { workingBackends } from '../helpers/backends.ts';

const backends = await workingBackends();

describe.each(DOMAINS.map((d) => [d.name, d] as const))('%s', (_name, domain) => {
  const instance = domain.create(domain.options.parse(domain.testOptions ?? {}));

  it('validates its options: defaults parse, unknown fields are refused', () => {
    expect(domain.options.safeParse({}).success).toBe(true);
    expect(domain.options.safeParse({ noSuchOption: 1 }).success).toBe(false);
  });

  it('round-trips random, mutated and crossed genomes through its human format', () => {
    for (const side of [instance.solver, instance.challenger]) {
      const rng = stream('contract', side.noun);
      for (let k = 0; k < 50; k++) {
        const a = new Float32Array(side.length);
        const b = new Float32Array(side.length);
        side.random(rng, a);
        side.random(rng, b);
        const child = new Float32Array(side.length);
        side.crossover(a, b, rng, child);
        side.mutate(child, rng);
        for (const g of [a, child]) {
          const encoded = JSON.parse(JSON.stringify(side.encode(g)));
          expect(side.encode(side.decode(encoded, 'test'))).toEqual(encoded);
        }
      }
    }
  });

  it('honours the difficulty schedule deterministically and within its genome space, if it offers the hook', () => {
    const hook = instance.challengerDifficulty;
    // Domains without the hook are refused a schedule by the config (test/core/remedies/remedies.test.ts).
    if (!hook) return;
    expect(hook.description.length).toBeGreaterThan(0);
    const side = instance.challenger;
    for (const d of [0, 0.25, 0.5, 0.75, 1]) {
      const run = () => {
        const rng = stream('difficulty', d);
        const g = new Float32Array(side.length);
        side.random(rng, g);
        hook.apply(g, d, rng);
        return g;
      };
      const g = run();
      expect(Array.from(run())).toEqual(Array.from(g));
      const encoded = JSON.parse(JSON.stringify(side.encode(g)));
      expect(side.encode(side.decode(encoded, 'test'))).toEqual(encoded);
    }
  });

  it('varies deterministically for a given stream', () => {
    const run = () => {
      const rng = stream('det');
      const g = new Float32Array(instance.solver.length);
      instance.solver.random(rng, g);
      for (let k = 0; k < 20; k++) instance.solver.mutate(g, rng);
      return Array.from(g);
    };
    expect(run()).toEqual(run());
  });

  it('rejects malformed human input with an error naming the source', () => {
    expect(() => instance.solver.decode({ nonsense: true }, 'bad.json')).toThrow(/bad\.json/);
    expect(() => instance.challenger.decode(42, 'bad-challenger.json')).toThrow(/bad-challenger\.json/);
  });

  it('reference outcomes are integers in 0..rawScale and not all equal', async () => {
    const [s, c] = randomPair(instance, 16, 16, 'range');
    const opp = Int32Array.from({ length: 16 * 16 }, (_, i) => i % 16);
    const raw = await referenceEvaluator(instance).evaluate(s, c, opp, 16);
    for (const r of raw) {
      expect(Number.isInteger(r)).toBe(true);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(instance.rawScale);
    }
    expect(new Set(raw).size).toBeGreaterThan(1);
  });

  it.each(backends)('kernel on %s equals the reference on random genomes', async (backend) => {
    const evaluator = await kernelEvaluator(instance, backend);
    try {
      for (const [rows, cols, seed] of [
        [24, 20, 'a'],
        [7, 33, 'b'],
      ] as const) {
        expect(await crossCheck(instance, evaluator, { rows, cols, seed })).toBeNull();
      }
      // Sampled opponents with repeats, and a lone row.
      const [s, c] = randomPair(instance, 9, 13, 'sampled');
      const opp = sampledOpponents(9, 13, 5, stream('sampled'));
      expect(await evaluator.evaluate(s, c, opp, 5)).toEqual(await referenceEvaluator(instance).evaluate(s, c, opp, 5));
    } finally {
      await evaluator.destroy();
    }
  });

  it.each(backends)('kernel on %s equals the reference on evolved genomes', async (backend) => {
    // Bred populations hold the shapes evolution produces (duplicates, edits of edits).
    let [s, c] = randomPair(instance, 20, 20, 'evolved');
    const rng = stream('evolved');
    const settings = { selection: { tournamentSize: 2, elitism: 1 }, variation: { crossoverRate: 0.7, mutationRate: 1 } };
    for (let g = 0; g < 10; g++) {
      const fit = Float64Array.from({ length: 20 }, () => rng.next());
      s = breed(s, fit, instance.solver, settings, rng);
      c = breed(c, fit, instance.challenger, settings, rng);
    }
    const opp = Int32Array.from({ length: 20 * 20 }, (_, i) => i % 20);
    const evaluator = await kernelEvaluator(instance, backend);
    try {
      expect(await evaluator.evaluate(s, c, opp, 20)).toEqual(await referenceEvaluator(instance).evaluate(s, c, opp, 20));
    } finally {
      await evaluator.destroy();
    }
  });

  const variants = Object.entries(instance.kernelVariants ?? {});
  // Variants are gpu.js kernels; the wasm backend runs the domain's one wasm kernel (checked above).
  const variantCases = variants.flatMap(([name]) => backends.filter((b) => b !== 'wasm').map((b) => [name, b] as const));
  // Domains without variants simply define no such tests (nothing is skipped).
  if (variantCases.length > 0) it.each(variantCases)('kernel variant %s on %s equals the reference', async (name, backend) => {
    const variant = { ...instance, kernel: instance.kernelVariants![name]! };
    const evaluator = await kernelEvaluator(variant, backend);
    try {
      expect(await crossCheck(variant, evaluator, { rows: 13, cols: 17, seed: `variant-${name}` })).toBeNull();
    } finally {
      await evaluator.destroy();
    }
  });

  it('has a probe that scores in [0, 1] with a label', () => {
    if (!instance.probe) return;
    const pop = createPopulation(2, instance.solver.length);
    const cpop = createPopulation(2, instance.challenger.length);
    const rng = stream('probe');
    instance.solver.random(rng, genome(pop, 0));
    instance.challenger.random(rng, genome(cpop, 0));
    const p = instance.probe({ solver: genome(pop, 0), challenger: genome(cpop, 0), solvers: pop, challengers: cpop, generation: 0, seed: 's' });
    expect(p.score).toBeGreaterThanOrEqual(0);
    expect(p.score).toBeLessThanOrEqual(1);
    expect(p.label.length).toBeGreaterThan(0);
  });

  it('has a record hook, if any, whose measures are deterministic and whose valid solvers lose no game', () => {
    const hook = instance.record;
    if (!hook) return;
    expect(hook.validity.length).toBeGreaterThan(0);
    expect(new Set(hook.measures.map((m) => m.key)).size).toBe(hook.measures.length);
    const rng = stream('record');
    const challengers = Array.from({ length: 20 }, () => {
      const c = new Float32Array(instance.challenger.length);
      instance.challenger.random(rng, c);
      return c;
    });
    for (let k = 0; k < 100; k++) {
      const s = new Float32Array(instance.solver.length);
      instance.solver.random(rng, s);
      const m = hook.measure(s);
      expect(m).toHaveLength(hook.measures.length);
      expect(m.every(Number.isFinite)).toBe(true);
      expect(hook.measure(s.slice())).toEqual(m);
      // The run looks for valid solvers among those that won every game: a valid one must.
      if (hook.isValid(s)) for (const c of challengers) expect(instance.reference(s, c)).toBe(instance.rawScale);
    }
  });
});
