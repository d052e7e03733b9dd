/**
 * `redqueen eval --domain density-classification --rule HEX|FILE [--size 149]
 * [--ics 10000] [--steps 320] [--seed S]`: a rule's standard accuracy.
 * Flags arrive as strings; each is checked here with an error naming it.
 * --rule is read as a file when it looks like a path (holds "/" or ends in
 * .json): a rule file or a run's best.json (its solver).
 */
import { intFlag, readJsonFile, solverOfBest, UserError, type EvalCommand } from '../../core/index.ts';
import { hexToRule, parseRule } from './rule.ts';
import { standardAccuracy } from './accuracy.ts';
import { MAX_SIZE, MAX_STEPS, MIN_SIZE } from './limits.ts';

export const densityEval: EvalCommand = {
  flags: [
    {
      name: 'rule',
      value: 'HEX',
      description: 'radius-3 CA rule as 32 hex digits (entry 0 first), or a file: {"rule": HEX} or a run\'s best.json',
      required: true,
    },
    { name: 'size', value: 'N', description: 'lattice size, odd (default 149)' },
    { name: 'ics', value: 'N', description: 'random initial configurations to test (default 10000)' },
    { name: 'steps', value: 'N', description: 'step limit (default 320)' },
    { name: 'seed', value: 'S', description: 'seed of the random configurations (default 1)' },
  ],
  async run(values) {
    const rule = await ruleFlag(values.rule ?? '');
    const size = intFlag('size', values.size, MIN_SIZE, MAX_SIZE) ?? 149;
    if (size % 2 === 0) throw new UserError(`--size must be odd so every configuration has a majority (no ties), got ${size}`);
    const ics = intFlag('ics', values.ics, 1, 10_000_000) ?? 10_000;
    const steps = intFlag('steps', values.steps, 1, MAX_STEPS) ?? 320;
    const seed = values.seed ?? '1';
    if (seed.trim() === '') throw new UserError('--seed must not be empty');
    const r = standardAccuracy(rule, { size, steps, ics, seed });
    return { accuracy: r.accuracy, ics: r.ics, size: r.size, steps: r.steps };
  },
};

async function ruleFlag(text: string): Promise<Float32Array> {
  if (!text.includes('/') && !text.endsWith('.json')) return hexToRule(text, '--rule');
  const { value, source } = solverOfBest(await readJsonFile(text, '--rule'), `--rule ${text}`);
  return parseRule(value, source);
}
