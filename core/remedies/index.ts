/**
 * Every remedy the engine knows, in the order they act: their fitness
 * transforms chain in this order, their extra opponents are stacked in it,
 * their challenger hooks run in it, and their metrics fields and config
 * fields appear in it. A new remedy is one file and one entry here.
 */
import type { AnyRemedy, Remedy } from './remedy.ts';
import { difficulty } from './difficulty.ts';
import { fitnessSharing } from './fitness-sharing.ts';
import { paretoArchive } from './pareto-archive.ts';

const LIST = [fitnessSharing, difficulty, paretoArchive] as const;
export const REMEDIES: readonly AnyRemedy[] = LIST;

type SettingsOf<R> = R extends Remedy<string, infer S, unknown> ? S : never;

/** Each remedy's settings under its key, as they appear in a resolved config. */
export type RemedySettings = { readonly [R in (typeof LIST)[number] as R['key']]: SettingsOf<R> };

/** Every remedy off: each one's defaults under its key. */
export const REMEDY_DEFAULTS = Object.fromEntries(REMEDIES.map((r) => [r.key, r.defaults])) as unknown as RemedySettings;

/** Each remedy's state under its key; only that remedy reads or writes its entry. */
export type RemedyStates = Readonly<Record<string, unknown>>;

/** The settings a config holds for `remedy`. */
export function settingsOf(config: RemedySettings, remedy: AnyRemedy): unknown {
  return (config as unknown as Readonly<Record<string, unknown>>)[remedy.key];
}

/** Typed access to one remedy's state (the entry was made by that remedy's own init/next). */
export function stateOf<K extends string, S, T>(states: RemedyStates, remedy: Remedy<K, S, T>): T {
  return states[remedy.key] as T;
}
