/**
 * Standard accuracy (Mitchell et al.): the fraction of unbiased random ICs
 * (each cell 1 with probability 1/2, so densities cluster near 1/2, where
 * classification is hardest) that a rule classifies correctly. The ICs come
 * from a seeded stream, so a (rule, size, steps, ics, seed) always scores the
 * same. This is the probe and the eval command; it never drives selection.
 */
import { stream } from '../../core/index.ts';
import { fastClassifier } from './fast-classify.ts';

export interface AccuracyReport {
  readonly accuracy: number;
  readonly correct: number;
  readonly ics: number;
  readonly size: number;
  readonly steps: number;
}

export function standardAccuracy(rule: ArrayLike<number>, opts: { size: number; steps: number; ics: number; seed: string }): AccuracyReport {
  const { size, steps, ics, seed } = opts;
  const classifier = fastClassifier(rule, size, steps);
  const rng = stream(seed, 'unbiased-ics');
  const ic = new Uint8Array(size);
  let correct = 0;
  for (let n = 0; n < ics; n++) {
    for (let i = 0; i < size; i++) ic[i] = rng.next() < 0.5 ? 1 : 0;
    correct += classifier.classify(ic);
  }
  return { accuracy: correct / ics, correct, ics, size, steps };
}
