/**
 * The public API of the core: the one module a domain imports (the
 * dependency rule in .dependency-cruiser.cjs holds populations/ to it). It is
 * the domain contract and the few basics a domain's genomes, kernels, probe
 * and eval command are built from; nothing of the engine, the run or the CLI,
 * so a domain cannot come to depend on how runs are played.
 */

// The contract a domain implements (docs/design.md "The domain contract").
export type {
  ChallengerDifficulty,
  Domain,
  DomainDefaults,
  DomainInstance,
  EvalCommand,
  EvalFlag,
  GenomeSpec,
  InteractionKernel,
  ProbeContext,
  ProbeReference,
  ProbeResult,
  RecordMeasure,
  SolverRecordHook,
  ViewKind,
} from './domain/domain.ts';
export type { BatchInteraction, CustomInteraction, Grid, KernelSource, KernelThis } from './domain/kernel-types.ts';
export type { GpuInstance } from './domain/gpujs.ts';
export type { BackendName } from './domain/backend-names.ts';
export type { WasmArena, WasmBatch, WasmCall, WasmKernel } from './domain/wasm-kernel.ts';

// Basics: genomes as typed arrays, seeded randomness, errors users can act on, JSON.
export { createPopulation, genome, populationOf, remap, type Population } from './basics/population.ts';
export { mutationCount, permutation, stream, type Rng } from './basics/rng.ts';
export { UserError } from './basics/errors.ts';
export { intFlag } from './basics/flags.ts';
export type { JsonObject, JsonValue } from './basics/json.ts';

// For domains that build their own batch function (InteractionKernel.build).
export { kernelRunner } from './backends/kernel-runner.ts';

// For eval commands: read a JSON file, or a run's best.json, with errors that name the flag.
export { readJsonFile } from './run/files.ts';
export { solverOfBest } from './run/best-file.ts';
