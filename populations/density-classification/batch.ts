/**
 * The domain-built batch function (InteractionKernel.build): rules become
 * chunk tables and ICs chunk values on the host (packing.ts; a few ms per
 * batch), then one generated kernel (kernel-source.ts) plays every pair.
 * Compiled kernels are kept per batch shape, as the engine's own evaluator
 * does, since gpu.js fixes argument sizes at compile time.
 */
import type { InteractionKernel } from '../../core/domain.ts';
import { input, type CompiledKernel, type GpuInstance } from '../../core/gpujs.ts';
import type { CustomInteraction } from '../../core/kernel-types.ts';
import { genome, type Population } from '../../core/population.ts';
import { layout, packConfiguration, packRule, type Layout } from './packing.ts';
import { chunkedKernelSource, type SourceOptions } from './kernel-source.ts';

const CACHE_SIZE = 8;

export interface ChunkedOptions extends Omit<SourceOptions, 'steps'> {
  /** Cells per chunk (one table fetch updates this many). */
  readonly k: number;
}

function packRows(rows: Population, lay: Layout): Float32Array {
  const width = lay.tableEntries + 2;
  const out = new Float32Array(rows.size * width);
  for (let r = 0; r < rows.size; r++) packRule(genome(rows, r), lay, out.subarray(r * width, (r + 1) * width));
  return out;
}

function packCols(cols: Population, lay: Layout): Float32Array {
  const out = new Float32Array(cols.size * lay.icWidth);
  for (let c = 0; c < cols.size; c++) packConfiguration(genome(cols, c), lay, out.subarray(c * lay.icWidth, (c + 1) * lay.icWidth));
  return out;
}

function chunkedInteraction(gpu: GpuInstance, lay: Layout, source: string, loopMax: number): CustomInteraction {
  const kernels = new Map<string, CompiledKernel>();
  const kernelFor = (rows: number, cols: number, width: number): CompiledKernel => {
    const key = `${rows}|${cols}|${width}`;
    let k = kernels.get(key);
    if (k) {
      kernels.delete(key);
      kernels.set(key, k);
      return k;
    }
    k = gpu.createKernel(source, {
      output: [width, rows],
      loopMaxIterations: loopMax,
      precision: 'single',
      tactic: 'precision',
      asyncMode: true,
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
      const kernel = kernelFor(rows.size, cols.size, width);
      const result = (await kernel(
        input(packRows(rows, lay), [lay.tableEntries + 2, rows.size]),
        input(packCols(cols, lay), [lay.icWidth, cols.size]),
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

/** An InteractionKernel that runs the chunked CA for lattices of `size` cells. */
export function chunkedKernel(size: number, steps: number, opts: ChunkedOptions): InteractionKernel {
  const lay = layout(size, opts.k);
  const source = chunkedKernelSource(lay, { ...opts, steps });
  const loopMax = Math.max(1, Math.floor(steps / opts.unroll));
  return {
    source,
    constants: {},
    loopMaxIterations: loopMax,
    build: (gpu) => chunkedInteraction(gpu, lay, source, loopMax),
  };
}
