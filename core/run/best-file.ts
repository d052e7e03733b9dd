/**
 * A run's best.json as input: `eval` takes the file a run wrote as readily as
 * a file that holds one individual, since checking a run's champion is the
 * first thing users do with it. best.json is {"generation", "solver",
 * "challenger", ...}, best-valid.json and best-probed.json {"generation",
 * "solver", ...}; the solver is the individual wanted.
 */
import { UserError } from '../basics/errors.ts';

export interface Individual {
  readonly value: unknown;
  /** Where the value came from, for error messages: `runs/s8/best.json "solver"`. */
  readonly source: string;
}

/** The solver of a best.json, or the value itself when it is not one. */
export function solverOfBest(value: unknown, source: string): Individual {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value, source };
  const obj = value as Record<string, unknown>;
  // best.json has a challenger too; best-valid.json and best-probed.json have a generation.
  if (!('solver' in obj && ('challenger' in obj || 'generation' in obj))) return { value, source };
  if (obj.solver === null) {
    throw new UserError(`${source}: this best.json holds no champion yet (the run has not finished a generation)`);
  }
  return { value: obj.solver, source: `${source} "solver"` };
}
