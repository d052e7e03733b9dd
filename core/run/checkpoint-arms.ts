/**
 * The arms-race analysis state in a checkpoint: roster (generations, stride,
 * outcome matrix as base64 little-endian f64, beaten-at marks), dominance
 * chains and detector streaks, as plain JSON. Everything is validated on
 * the way back, so an edited file is refused rather than resumed wrongly.
 */
import { z } from 'zod';
import type { Roster } from '../measures/roster.ts';
import { UserError } from '../basics/errors.ts';
import { typedArrayToBase64 } from '../basics/base64.ts';
import type { ArmsRaceState } from '../measures/arms-race.ts';
import { PATHOLOGIES, type DetectorStreaks } from '../measures/detectors.ts';
import { IDLE_STREAK, type Streak } from '../measures/streak.ts';

const gen = z.number().int().min(0);
const StreakJson = z.strictObject({
  run: z.number().int().min(0),
  from: z.number().int().min(-1),
  lastTrue: z.number().int().min(-1),
  active: z.boolean(),
  off: z.number().int().min(0),
});

export const ArmsJson = z.strictObject({
  roster: z.strictObject({
    max: z.number().int().min(1),
    stride: z.number().int().min(1),
    generations: z.array(gen),
    raw: z.string(),
    challengerBeatenAt: z.array(z.number().int().min(-1)),
    solverBeatenAt: z.array(z.number().int().min(-1)),
  }),
  dominance: z.strictObject({ solvers: z.array(gen), challengers: z.array(gen) }),
  // A detector added since the checkpoint was written starts idle.
  detectors: z.strictObject(
    Object.fromEntries(PATHOLOGIES.map((p) => [p, StreakJson.default(IDLE_STREAK)])) as Record<(typeof PATHOLOGIES)[number], z.ZodDefault<typeof StreakJson>>,
  ),
});
export type ArmsJsonValue = z.infer<typeof ArmsJson>;

export function armsToJson(a: ArmsRaceState): ArmsJsonValue {
  const r = a.roster;
  return {
    roster: {
      max: r.max,
      stride: r.stride,
      generations: [...r.generations],
      raw: typedArrayToBase64(r.raw),
      challengerBeatenAt: [...r.challengerBeatenAt],
      solverBeatenAt: [...r.solverBeatenAt],
    },
    dominance: { solvers: [...a.dominance.solvers], challengers: [...a.dominance.challengers] },
    detectors: Object.fromEntries(PATHOLOGIES.map((p) => [p, { ...a.detectors[p] }])) as ArmsJsonValue['detectors'],
  };
}

/** Back from JSON, checked against the generation it belongs to. */
export function armsFromJson(j: ArmsJsonValue, generation: number, file: string): ArmsRaceState {
  const r = j.roster;
  const n = r.generations.length;
  const bytes = Buffer.from(r.raw, 'base64');
  const bad = (what: string) => new UserError(`${file}: checkpoint field "arms.${what}" is inconsistent; restore the run directory or start a new run`);
  if (bytes.length !== n * n * 8) throw bad('roster.raw');
  if (r.challengerBeatenAt.length !== n || r.solverBeatenAt.length !== n) throw bad('roster');
  if (n > r.max || r.generations.some((g, i) => g >= generation || g % r.stride !== 0 || (i > 0 && g <= r.generations[i - 1]!))) {
    throw bad('roster.generations');
  }
  const chain = (xs: readonly number[]) => xs.every((g, i) => g < generation && (i === 0 || g > xs[i - 1]!));
  if (!chain(j.dominance.solvers) || !chain(j.dominance.challengers)) throw bad('dominance');
  const raw = new Float64Array(n * n);
  new Uint8Array(raw.buffer).set(bytes);
  const roster: Roster = {
    max: r.max,
    stride: r.stride,
    generations: r.generations,
    raw,
    challengerBeatenAt: Int32Array.from(r.challengerBeatenAt),
    solverBeatenAt: Int32Array.from(r.solverBeatenAt),
  };
  const detectors = Object.fromEntries(PATHOLOGIES.map((p) => [p, j.detectors[p] as Streak])) as unknown as DetectorStreaks;
  return { roster, dominance: { solvers: j.dominance.solvers, challengers: j.dominance.challengers }, detectors };
}
