/**
 * The domain contract. A domain is a solver/challenger pairing (sorting
 * networks vs test sets, CA rules vs initial configurations, ...). It knows how
 * to make and vary genomes of both sides, how one solver fares against one
 * challenger (as a gpu.js kernel and as a plain-TS reference that must agree
 * exactly), how to show individuals to humans, and optionally how to measure
 * real quality from outside the loop (the probe).
 *
 * Every registered domain passes the shared contract test in
 * test/populations/contract.test.ts.
 */
import type { z } from 'zod';
import type { Rng } from '../basics/rng.ts';
import type { Population } from '../basics/population.ts';
import type { JsonObject, JsonValue } from '../basics/json.ts';
import type { GpuInstance } from './gpujs.ts';
import type { KernelSource, CustomInteraction } from './kernel-types.ts';
import type { BackendName } from './backend-names.ts';
import type { WasmKernel } from './wasm-kernel.ts';

/** One side's genome: how to make, vary and show it. */
export interface GenomeSpec {
  /** Floats per individual (genes are Float32, kept exactly representable). */
  readonly length: number;
  /** What one individual is, for humans: "comparator network", "test set". */
  readonly noun: string;
  /** Fill `out` with a random genome. */
  random(rng: Rng, out: Float32Array): void;
  /** Mutate `child` in place; it is already a private copy of its parent. */
  mutate(child: Float32Array, rng: Rng): void;
  /** Write a child of `a` and `b` into `out` (which aliases neither). */
  crossover(a: Float32Array, b: Float32Array, rng: Rng, out: Float32Array): void;
  /** Genome -> the domain's human format (docs/design.md "Formats"). */
  encode(genome: Float32Array): JsonValue;
  /** Human format -> genome. Throws UserError naming `source` and the fix. */
  decode(value: unknown, source: string): Float32Array;
}

/**
 * The gpu.js side of an interaction. Threads: x = opponent slot, y = row.
 * Arguments: rows [row][gene] (solvers), cols [col][gene] (challengers),
 * opponents [row][slot] = column index. The kernel returns the raw outcome of
 * rows[y] against cols[opponents[y][x]], an integer in 0..rawScale, so every
 * backend's f32 holds it exactly and it can be compared with the reference
 * bit for bit.
 */
export interface InteractionKernel {
  /** What benchmarks call it ("bit-sliced"); optional. */
  readonly name?: string;
  readonly source: KernelSource;
  readonly constants: Readonly<Record<string, number>>;
  /** gpu.js needs a bound for loops whose length is a constant or argument. */
  readonly loopMaxIterations: number;
  /**
   * Optional host-side re-layout of each column (challenger) genome before
   * upload, for a kernel that reads another layout than the genome's (e.g.
   * bit-sliced test vectors): `length` floats per column, written by `write`.
   * Linear in the columns, so cheap next to the kernel; done on the host
   * because in a kernel the same shuffle costs more than it saves (and, with
   * gpu.js's emulated bitwise operations, GLSL compiles for minutes).
   */
  readonly columns?: { readonly length: number; write(genome: Float32Array, out: Float32Array): void };
  /**
   * Kernels to run instead of this one on particular backends, where another
   * formulation compiles or runs better there (bit-sliced code on GLSL ES 1.0,
   * which has no integer bitwise operations, say). The evaluator picks one per
   * backend, and the contract test holds each to the reference on its backend.
   */
  readonly perBackend?: Readonly<Partial<Record<BackendName, InteractionKernel>>>;
  /**
   * Optional: a domain whose interaction does not fit one kernel (multi-pass,
   * bit-packed, pipelines) builds its own batch function here; the evaluator
   * then calls it instead of compiling `source`. It is held to the same
   * reference check.
   */
  readonly build?: (gpu: GpuInstance, backend: BackendName) => Promise<CustomInteraction> | CustomInteraction;
}

export interface ProbeContext {
  readonly solver: Float32Array;
  readonly challenger: Float32Array;
  readonly solvers: Population;
  readonly challengers: Population;
  readonly generation: number;
  /** Seed for probes that sample (e.g. random initial configurations). */
  readonly seed: string;
}

/** Real quality measured outside the loop; never used for selection. */
export interface ProbeResult {
  /** In [0, 1], higher is better; plotted beside the arms-race views. */
  readonly score: number;
  /** What `score` is: "fraction of all 2^8 inputs sorted". */
  readonly label: string;
  readonly details: JsonObject;
}

/**
 * A well-known solver's probe score on the very measurement the run's probe
 * makes (same seed, same samples), drawn as a flat line beside the probe so
 * a viewer sees how far the champions are from it (density classification: GKL).
 */
export interface ProbeReference {
  /** Who it is, for humans: "GKL". */
  readonly label: string;
  readonly score: number;
}

/**
 * Optional hook for the run's challenger difficulty schedule (core/remedies/difficulty.ts).
 * A domain that has a natural notion of how hard a challenger is (the density
 * of a CA's initial configuration, the length of a test set) implements it;
 * a run that configures a schedule for a domain without it is refused.
 */
export interface ChallengerDifficulty {
  /** What the value controls, for humans: "initial configurations' density: 1/2 +- (1 - d) / 2". */
  readonly description: string;
  /**
   * Bring a new challenger (a fresh random one, or a bred child after
   * crossover and mutation) to difficulty `d` in [0, 1], 0 easiest, 1 hardest,
   * in place. Deterministic given `rng`; keep genes exactly representable.
   */
  apply(challenger: Float32Array, d: number, rng: Rng): void;
}

/** One size measure of a solver (lower is better): what a record ranks by and the size chart plots. */
export interface RecordMeasure {
  /** Key in metrics.jsonl and the record files: "comparators". */
  readonly key: string;
  /** For humans: "comparators". */
  readonly label: string;
  /** Best value known for these options (drawn as a line), when there is one. */
  readonly known?: number;
}

/**
 * Optional hook: what makes a solver valid, judged exactly and outside
 * selection, and how valid solvers rank, so the run keeps the best valid
 * solver it has seen (best-valid.json) whatever selection does afterwards.
 * Valid solvers rank by `measure`, compared lexicographically (lower is
 * better); the run breaks remaining ties by the earliest generation.
 *
 * The run checks the champion and every solver that was perfect on all its
 * games in a generation (a valid solver can lose no game), so for a domain
 * where that does not hold, the record covers only those candidates.
 */
export interface SolverRecordHook {
  /** What valid means, for humans: "sorts all 2^12 0/1 inputs". */
  readonly validity: string;
  /** The exact check (sorting networks: every 0/1 input, by the 0-1 principle). */
  isValid(solver: Float32Array): boolean;
  /** The measures `measure` returns, in ranking order. */
  readonly measures: readonly RecordMeasure[];
  /** One value per entry of `measures`; integers or exactly representable. */
  measure(solver: Float32Array): readonly number[];
}

export type ViewKind = 'sorting-network' | 'ca-spacetime' | 'points';

export interface DomainInstance {
  readonly name: string;
  /** The validated options, as recorded in run.json. */
  readonly options: JsonObject;
  readonly solver: GenomeSpec;
  readonly challenger: GenomeSpec;
  readonly kernel: InteractionKernel;
  /**
   * Other kernels for the same interaction, kept for benchmarks/ to measure
   * against `kernel`; the contract test holds each to the reference too.
   */
  readonly kernelVariants?: Readonly<Record<string, InteractionKernel>>;
  /** The same interaction as a WebAssembly SIMD kernel, for the `wasm` backend (wasm-kernel.ts). */
  readonly wasm?: WasmKernel;
  /** M[s][c] = raw / rawScale, in [0, 1]. */
  readonly rawScale: number;
  /** Plain-TS reference of the kernel: must return exactly the kernel's raw value. */
  reference(solver: Float32Array, challenger: Float32Array): number;
  /**
   * Parsimony, in [0, 1]: among solvers with equal outcomes, lower cost wins.
   * The engine scales it below one outcome quantum, so it only breaks ties.
   */
  solverCost?(solver: Float32Array): number;
  probe?(ctx: ProbeContext): ProbeResult;
  /** Optional: a reference solver's score on the probe of a run whose probe seed is `seed` (see ProbeReference). */
  probeReference?(seed: string): ProbeReference;
  /** Optional: validity and ranking for the run's best-valid record (see SolverRecordHook). */
  readonly record?: SolverRecordHook;
  /** Optional: honour a challenger difficulty schedule (see ChallengerDifficulty). */
  readonly challengerDifficulty?: ChallengerDifficulty;
  /** Every how many generations the probe runs by default (expensive probes > 1). */
  readonly probeEvery?: number;
  /**
   * Work in the domain's own unit, for benchmarks: "comparator-tests" (one
   * comparator applied to one vector), "cell-updates". Per interaction.
   */
  readonly workUnits?: { readonly name: string; count(solver: Float32Array, challenger: Float32Array): number };
  /** One short line about a solver for logs: "21 comparators, depth 7". */
  summarize?(solver: Float32Array): string;
  readonly view: ViewKind;
}

/** Flags of `redqueen eval --domain NAME`. */
export interface EvalFlag {
  readonly name: string;
  readonly value: string;
  readonly description: string;
  readonly required?: boolean;
}

export interface EvalCommand {
  readonly flags: readonly EvalFlag[];
  run(values: Readonly<Record<string, string | undefined>>): Promise<JsonObject> | JsonObject;
}

/** Run settings a domain may change from the engine's defaults. */
export interface DomainDefaults {
  readonly solvers?: number;
  readonly challengers?: number;
  readonly generations?: number;
}

export interface Domain<S extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  /** "Sorting networks vs test sets (Hillis 1990)". */
  readonly title: string;
  /** Strict object schema with defaults; each field becomes a `--kebab-case` run flag. */
  readonly options: S;
  create(options: z.output<S>): DomainInstance;
  readonly defaults?: DomainDefaults;
  readonly evalCommand?: EvalCommand;
  /** Options for the contract test: small enough that the reference runs quickly. */
  readonly testOptions?: Readonly<Record<string, unknown>>;
}
