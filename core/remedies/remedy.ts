/**
 * The remedy contract. A remedy is a change to the plain coevolution loop
 * that counters one of its pathologies: extra opponents that remember
 * (a Pareto archive), a fitness transform that protects rare abilities
 * (fitness sharing), or a hook on new challengers that keeps the games
 * engaged (a difficulty schedule). Each is one file that implements this
 * interface and is listed once in core/remedies/index.ts; the config, the
 * step, the checkpoint and the metrics line all go through the list, and one
 * shared contract test (test/core/remedies/contract.test.ts) checks every
 * listed remedy.
 *
 * Settings live in the config under `key`, with `schema` for the config file
 * and `defaults` merged field by field below it. State lives in
 * CoevolutionState.remedies under `key` and in the checkpoint under
 * `checkpoint.field`. Every hook is pure: it returns new values and writes
 * nothing it was given, so a step stays a function of (state, config).
 */
import type { z } from 'zod';
import type { JsonObject, JsonValue } from '../basics/json.ts';
import type { Population } from '../basics/population.ts';
import type { Rng } from '../basics/rng.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { Fitness, Interactions } from '../domain/games.ts';
import type { Engagement } from '../measures/engagement.ts';

/** Extra opponents a remedy makes each side meet, after the Hall of Fame sample. */
export interface RemedyOpponents {
  /** Met by the current challengers (rows after the solvers and the Hall of Fame). */
  readonly solvers: Population;
  /** Met by the current solvers (columns after the Hall of Fame). */
  readonly challengers: Population;
}

/** What a remedy sees of the generation just played. */
export interface PlayedGeneration {
  readonly domain: DomainInstance;
  readonly generation: number;
  readonly games: Interactions;
  /** The populations that played (this generation's, before breeding). */
  readonly solvers: Population;
  readonly challengers: Population;
  readonly engagement: Engagement;
  /** Where this remedy's opponents start among the past solvers / challengers met. */
  readonly offsets: { readonly solvers: number; readonly challengers: number };
}

/** Genome lengths and the file name, for reading state back from a checkpoint. */
export interface CheckpointContext {
  readonly solverLength: number;
  readonly challengerLength: number;
  readonly file: string;
}

/** Adjusts a new challenger in place (a fresh random one or a bred child); deterministic given rng. */
export type ChallengerHook = (challenger: Float32Array, rng: Rng) => void;

export interface Remedy<K extends string, S, T> {
  /** Config field of its settings and key of its state: "paretoArchive". */
  readonly key: K;
  /** For humans: "Pareto archive of informative opponents (de Jong)". */
  readonly title: string;
  /** The config file's shape for the settings (every field optional). */
  readonly schema: z.ZodType;
  /** Off: with its defaults a remedy changes nothing (the contract test checks it). */
  readonly defaults: S;
  /** Settings that switch it on, for the docs and the contract test. */
  readonly example: S;
  /** Settings the domain cannot honour: an error naming the field and the fix, or null. */
  check?(settings: S, domain: DomainInstance): string | null;
  /** Most extra opponents per side it can add (sizes the kernel batch ahead of time). */
  extraOpponents?(settings: S): { readonly solvers: number; readonly challengers: number };
  /** State before generation 0. */
  init(settings: S, domain: DomainInstance): T;
  opponents?(state: T): RemedyOpponents;
  /** A hook for every new challenger made with this state, or undefined for none. */
  challengerHook?(state: T, domain: DomainInstance): ChallengerHook | undefined;
  /** Fitness for selection; champions, metrics and views keep the plain fitness. */
  selectionFitness?(settings: S, fitness: Fitness, played: PlayedGeneration): Fitness;
  /** State for the next generation. */
  next?(settings: S, state: T, played: PlayedGeneration): T;
  /** Fields it adds to the metrics line, from the state the generation was played with. */
  metrics?(settings: S, state: T): JsonObject;
  /** How its state is kept in a checkpoint; a remedy without one must be stateless (init returns null). */
  readonly checkpoint?: {
    readonly field: string;
    toJson(state: T): JsonValue;
    /** Validate and rebuild; throws UserError naming `ctx.file` and the field. */
    fromJson(json: unknown, ctx: CheckpointContext): T;
  };
}

/**
 * A listed remedy with its types erased, as the engine holds them: it passes
 * each one only the settings and state that remedy made, so the erasure is
 * safe by construction (method parameters are bivariant, so any
 * Remedy<K, S, T> is one).
 */
export type AnyRemedy = Remedy<string, unknown, unknown>;
