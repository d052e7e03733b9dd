/**
 * Minimal typing for kernel functions. gpu.js re-parses a kernel's source
 * text, so kernels are written as plain functions over `this.thread` and
 * `this.constants`; these types only let TypeScript check their bodies.
 */
import type { Population } from '../basics/population.ts';

export interface KernelThis<C> {
  readonly thread: { readonly x: number; readonly y: number; readonly z: number };
  readonly constants: C;
  readonly output: { readonly x: number; readonly y: number; readonly z: number };
}

/** A 2D kernel argument, indexed [row][column]. */
export type Grid = ArrayLike<ArrayLike<number>>;

/** A kernel as a function (its source is read by gpu.js) or as source text. */
export type KernelSource = ((this: never, ...args: never[]) => number) | string;

/**
 * Raw outcomes, row-major rows.size x width, of rows[r] against
 * cols[opponents[r * width + t]].
 */
export type BatchInteraction = (
  rows: Population,
  cols: Population,
  opponents: Int32Array,
  width: number,
) => Promise<Float32Array>;

/** A domain-built evaluator (see InteractionKernel.build). */
export interface CustomInteraction {
  readonly run: BatchInteraction;
  destroy(): Promise<void> | void;
}
