/**
 * Density classification (Juille & Pollack 1998): solvers are radius-3 CA
 * rules, challengers are initial configurations (ICs) of a circular lattice
 * of odd size N. M[s][c] = 1 when rule s takes IC c to the uniform state of
 * its majority, and that state is a fixed point of the rule, within the step
 * limit (classify.ts has the exact rule and why). The challenger genome puts
 * the IC's density under selection (configuration.ts). The probe, outside the
 * loop, is the champion rule's standard accuracy on 10^4 unbiased random ICs.
 */
import { z } from 'zod';
import type { Domain, ProbeResult } from '../../core/index.ts';
import { ruleGenome } from './rule-genome.ts';
import { configurationGenome } from './configuration.ts';
import { classifyReference, simulate } from './classify.ts';
import { chunkedKernel } from './batch.ts';
import { densityWasmKernel } from './wasm.ts';
import { standardAccuracy } from './accuracy.ts';
import { densityEval } from './eval.ts';
import { hexToRule, lambda, ruleToHex } from './rule.ts';
import { MAX_SIZE, MAX_STEPS, MIN_SIZE } from './limits.ts';
import { densityDifficulty } from './difficulty.ts';

/** Gacs, Kurdyumov and Levin's rule (1978), the classic hand-made classifier: about 81.6% at N = 149. */
const GKL = '005F005F005F005F005FFF5F005FFF5F';

/** Probe ICs: the standard measure's 10^4 (about +/-0.4% at 80% accuracy). */
const PROBE_ICS = 10_000;
/** Probe results kept, keyed by rule and seed: an elite champion is probed once, not every generation. */
const PROBE_CACHE = 32;

const options = z.strictObject({
  size: z
    .number()
    .int()
    .min(MIN_SIZE)
    .max(MAX_SIZE)
    .refine((n) => n % 2 === 1, { message: 'size must be odd so every configuration has a majority (no ties); try 149' })
    .default(149)
    .describe('cells of the circular lattice (odd)'),
  steps: z.number().int().min(1).max(MAX_STEPS).default(320).describe('step limit of one classification'),
  immigrants: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('fraction of IC mutations that draw a fresh random IC (keeps the rules engaged)'),
  symmetric: z
    .boolean()
    .default(true)
    .describe('keep rules symmetric under complement-and-reflect, as GKL is (no bias to exploit)'),
});

export const densityClassification: Domain<typeof options> = {
  name: 'density-classification',
  title: 'Density classification: CA rules vs initial configurations (Juille & Pollack 1998)',
  options,
  defaults: { solvers: 100, challengers: 100, generations: 1000 },
  // Small lattice for speed; unconstrained rules so the cross-checks see every kind of table.
  testOptions: { size: 49, steps: 60, symmetric: false },
  create(opts) {
    const { size, steps, immigrants, symmetric } = opts;
    const probeCache = new Map<string, ProbeResult>();
    return {
      name: 'density-classification',
      options: { size, steps, immigrants, symmetric },
      solver: ruleGenome(symmetric),
      challenger: configurationGenome(size, immigrants),
      // Lets a run's difficulty schedule set how close to 1/2 new ICs' densities lie.
      challengerDifficulty: densityDifficulty(size),
      // Measured with `npm run bench -- --domain density-classification --quick` (docs/domains/density-classification.md):
      // 6-cell chunks, 2-step blocks with the cycle check and `break` were the steadiest
      // fastest on webasm (the backend `auto` picks here). Chunks of 4 or 5, 4-step blocks,
      // and a flag in place of `break` were slower and are not kept.
      kernel: chunkedKernel(size, steps, { k: 6, unroll: 2, cycleCheck: true, useBreak: true }),
      kernelVariants: {
        // One cell per table fetch: the straightforward kernel, the baseline for the chunks.
        'cell-at-a-time': chunkedKernel(size, steps, { k: 1, unroll: 2, cycleCheck: true, useBreak: true }),
        // 7- and 8-cell chunks: fewer fetches from larger tables (32 and 64 KiB per rule).
        'chunk-7': chunkedKernel(size, steps, { k: 7, unroll: 2, cycleCheck: true, useBreak: true }),
        'chunk-8': chunkedKernel(size, steps, { k: 8, unroll: 2, cycleCheck: true, useBreak: true }),
        // What the period-1/2 stop buys (on GL it costs more than it saves on random rules).
        'no-cycle-check': chunkedKernel(size, steps, { k: 6, unroll: 2, cycleCheck: false, useBreak: true }),
      },
      wasm: densityWasmKernel(size, steps),
      rawScale: 1,
      reference: (rule, ic) => classifyReference(rule, ic, steps),
      // Work as the reference defines it (kernels that stop earlier still count it).
      workUnits: { name: 'cell-updates', count: (rule, ic) => size * simulate(rule, ic, steps).steps },
      probeEvery: 10,
      probe({ solver, seed }) {
        return probeRule(solver, seed);
      },
      // GKL on the run's very probe ICs, so the two lines differ by the rules alone, not by sampling.
      probeReference: (seed) => ({ label: 'GKL', score: probeRule(hexToRule(GKL, 'GKL'), seed).score }),
      summarize: (rule) => `${ruleToHex(rule)}, lambda ${lambda(rule).toFixed(2)}`,
      view: 'ca-spacetime',
    };
    function probeRule(solver: Float32Array, seed: string): ProbeResult {
      const hex = ruleToHex(solver);
      const key = `${hex}|${seed}`;
      let result = probeCache.get(key);
      if (!result) {
        const r = standardAccuracy(solver, { size, steps, ics: PROBE_ICS, seed });
        result = {
          score: r.accuracy,
          label: `standard accuracy: fraction of ${PROBE_ICS} unbiased random ICs (N=${size}) classified`,
          details: { rule: hex, correct: r.correct, ics: r.ics, size, steps },
        };
        probeCache.set(key, result);
        if (probeCache.size > PROBE_CACHE) probeCache.delete(probeCache.keys().next().value!);
      }
      return result;
    }
  },
  evalCommand: densityEval,
};
