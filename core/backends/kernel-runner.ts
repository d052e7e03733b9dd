/**
 * One kernel source compiled per batch shape, and the call that plays a
 * batch: shared by the engine's evaluator and domains that build their own
 * (InteractionKernel.build). gpu.js fixes argument sizes at compile time, so
 * each shape (rows, columns, their genome lengths, opponents per row) gets
 * its own compiled kernel; the most recently used few are kept, since the
 * archives' growth changes shapes early in a run. gpu.js's dynamicArguments
 * would avoid the recompiles, but its cpu backend then indexes Input
 * arguments with the output's row stride (wrong results).
 */
import { input, type CompiledKernel, type GpuInstance } from '../domain/gpujs.ts';
import type { KernelSource } from '../domain/kernel-types.ts';
import type { Population } from '../basics/population.ts';

/** Most distinct shapes kept compiled at once. */
const CACHE_SIZE = 8;

export interface RunnerSettings {
  readonly constants: Readonly<Record<string, number>>;
  readonly loopMaxIterations: number;
  /** gpu.js's async contract (a webasm worker pool; GL/WebGPU readback off the main thread). */
  readonly asyncMode: boolean;
}

export interface KernelRunner {
  /** Raw outcomes, row-major rows.size x width, of rows[r] against cols[opponents[r * width + t]], as uploaded. */
  run(rows: Population, cols: Population, opponents: Int32Array, width: number): Promise<Float32Array>;
  destroy(): void;
}

export function kernelRunner(gpu: GpuInstance, source: KernelSource, settings: RunnerSettings): KernelRunner {
  const kernels = new Map<string, CompiledKernel>();
  const kernelFor = (rows: Population, cols: Population, width: number): CompiledKernel => {
    const key = `${rows.size}x${rows.length}|${cols.size}x${cols.length}|${width}`;
    let k = kernels.get(key);
    if (k) {
      kernels.delete(key); // re-insert as most recently used
      kernels.set(key, k);
      return k;
    }
    k = gpu.createKernel(source, {
      output: [width, rows.size],
      constants: { ...settings.constants },
      loopMaxIterations: settings.loopMaxIterations,
      precision: 'single',
      tactic: 'precision',
      asyncMode: settings.asyncMode,
    });
    kernels.set(key, k);
    if (kernels.size > CACHE_SIZE) {
      const [oldKey, old] = kernels.entries().next().value as [string, CompiledKernel];
      kernels.delete(oldKey);
      old.destroy();
    }
    return k;
  };
  return {
    async run(rows, cols, opponents, width) {
      const result = (await kernelFor(rows, cols, width)(
        input(rows.genes, [rows.length, rows.size]),
        input(cols.genes, [cols.length, cols.size]),
        input(Float32Array.from(opponents), [width, rows.size]),
      )) as unknown as ArrayLike<ArrayLike<number>>;
      const out = new Float32Array(rows.size * width);
      for (let r = 0; r < rows.size; r++) out.set(result[r]!, r * width);
      return out;
    },
    destroy() {
      for (const k of kernels.values()) k.destroy();
      kernels.clear();
    },
  };
}
