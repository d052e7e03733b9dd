/**
 * The one place that touches gpu.js's loose typings (its .d.ts lacks some
 * settings this project uses, and declares `input` as a type only). Everything
 * else imports the typed surface below.
 */
import gpujs from 'gpu.js';

export interface KernelSettings {
  readonly output: readonly number[];
  readonly constants?: Readonly<Record<string, number>>;
  readonly loopMaxIterations?: number;
  readonly precision?: 'single' | 'unsigned';
  readonly tactic?: 'speed' | 'balanced' | 'precision';
  readonly asyncMode?: boolean;
  readonly pipeline?: boolean;
  readonly immutable?: boolean;
  readonly poolSize?: number;
}

/** A gpu.js Input: a flat array with its [x, y(, z)] sizes, x fastest. */
export interface KernelInput {
  readonly value: ArrayLike<number>;
  readonly size: readonly number[];
}

export type KernelArgument = number | KernelInput | ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/** A compiled kernel. With asyncMode every call returns a Promise. */
export interface CompiledKernel {
  (...args: KernelArgument[]): unknown;
  destroy(removeCanvasReferences?: boolean): void;
  /** The backend kernel that runs (its constructor's static `mode` names the backend). */
  readonly kernel?: { readonly constructor: { readonly mode?: string }; readonly fallbackReason?: string | null };
}

export interface GpuInstance {
  createKernel(source: string | ((...args: never[]) => number), settings: KernelSettings): CompiledKernel;
  destroy(): Promise<void>;
  readonly mode: string;
}

interface GpuStatics {
  new (settings: { mode: string }): GpuInstance;
  readonly isHeadlessGLSupported: boolean;
  readonly isWebAssemblySupported: boolean;
  isWebGPUAvailable(): Promise<boolean>;
}

const lib = gpujs as unknown as { GPU: GpuStatics; input(value: ArrayLike<number>, size: number[]): KernelInput };

export const GPU: GpuStatics = lib.GPU;

export function input(value: ArrayLike<number>, size: readonly number[]): KernelInput {
  return lib.input(value, [...size]);
}
