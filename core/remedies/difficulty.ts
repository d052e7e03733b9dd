/**
 * The challenger difficulty schedule: one value d in [0, 1] per generation
 * (0 easiest, 1 hardest) that the engine hands to a domain which honours it
 * (DomainInstance.challengerDifficulty), for every challenger it makes: the
 * random initial ones and every bred child (elites are kept as they are).
 * What d means is the domain's: a density-classification domain might draw
 * initial configurations whose density lies further from 1/2 when d is low.
 *
 *   none      no schedule; the domain's challengers are left alone
 *   ramp      d(g) = start + (end - start) x min(1, g / generations)
 *   adaptive  d(0) = start, then d(g+1) = clamp(d(g) + step x (mean outcome
 *             of generation g - target), 0, 1): harder while solvers win more
 *             than `target` of their games, easier while they win less. It
 *             holds the arms race near the target and so keeps it engaged
 *             when the challengers would otherwise win outright.
 *
 * The adaptive value depends on the run's history, so it is part of the
 * state (and of the checkpoint).
 */
import { z } from 'zod';
import { UserError } from '../basics/errors.ts';
import type { Remedy } from './remedy.ts';

export const DIFFICULTY_SCHEDULES = ['none', 'ramp', 'adaptive'] as const;

export interface DifficultySettings {
  readonly schedule: (typeof DIFFICULTY_SCHEDULES)[number];
  readonly start: number;
  readonly end: number;
  readonly generations: number;
  readonly target: number;
  readonly step: number;
}

export const DEFAULT_DIFFICULTY: DifficultySettings = {
  schedule: 'none',
  start: 0,
  end: 1,
  generations: 100,
  target: 0.5,
  step: 0.1,
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The difficulty of generation 0's challengers; null without a schedule. */
export function initialDifficulty(s: DifficultySettings): number | null {
  return s.schedule === 'none' ? null : clamp01(s.start);
}

/** The difficulty of generation g+1's new challengers, from generation g's and its mean outcome. */
export function nextDifficulty(s: DifficultySettings, current: number | null, g: number, meanOutcome: number): number | null {
  switch (s.schedule) {
    case 'none':
      return null;
    case 'ramp':
      return clamp01(s.start + (s.end - s.start) * Math.min(1, (g + 1) / s.generations));
    case 'adaptive':
      return clamp01((current ?? s.start) + s.step * (meanOutcome - s.target));
  }
}

const unit = z.number().min(0).max(1);

/** The schedule as a remedy: its state is the difficulty the next new challengers are made at. */
export const difficulty: Remedy<'difficulty', DifficultySettings, number | null> = {
  key: 'difficulty',
  title: 'challenger difficulty schedule',
  schema: z.strictObject({
    schedule: z.enum(DIFFICULTY_SCHEDULES).optional(),
    start: unit.optional(),
    end: unit.optional(),
    generations: z.number().int().min(1).max(100_000_000).optional().describe('length of the ramp'),
    target: unit.optional().describe('mean outcome the adaptive schedule steers to'),
    step: unit.optional().describe('adaptive change per unit of outcome error'),
  }),
  defaults: DEFAULT_DIFFICULTY,
  example: { ...DEFAULT_DIFFICULTY, schedule: 'adaptive', start: 0.5, step: 0.2 },
  check: (s, domain) =>
    s.schedule !== 'none' && !domain.challengerDifficulty
      ? `field "difficulty.schedule": the ${domain.name} domain does not honour a challenger difficulty schedule; use "none"`
      : null,
  init: (s) => initialDifficulty(s),
  challengerHook: (d, domain) => {
    const hook = domain.challengerDifficulty;
    return hook && d !== null ? (challenger, rng) => hook.apply(challenger, d, rng) : undefined;
  },
  next: (s, d, played) => nextDifficulty(s, d, played.generation, played.engagement.mean),
  metrics: (_, d) => ({ difficulty: d }),
  checkpoint: {
    field: 'difficulty',
    toJson: (d) => d,
    fromJson: (json, ctx) => {
      const parsed = unit.nullable().safeParse(json);
      if (!parsed.success) throw new UserError(`${ctx.file}: malformed checkpoint payload (difficulty)`);
      return parsed.data;
    },
  },
};
