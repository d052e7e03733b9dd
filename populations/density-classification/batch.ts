/**
 * The domain-built batch function (InteractionKernel.build): rules become
 * chunk tables and ICs chunk values on the host (packing.ts; a few ms per
 * batch), then one generated kernel (kernel-source.ts) plays every pair.
 * Compiled kernels are kept per batch shape by the same runner as the
 * engine's own evaluator (core/backends/kernel-runner.ts).
 */
import { kernelRunner, remap, type CustomInteraction, type GpuInstance, type InteractionKernel } from '../../core/index.ts';
import { layout, packConfiguration, packRule, type Layout } from './packing.ts';
import { chunkedKernelSource, type SourceOptions } from './kernel-source.ts';

export interface ChunkedOptions extends Omit<SourceOptions, 'steps'> {
  /** Cells per chunk (one table fetch updates this many). */
  readonly k: number;
}

function chunkedInteraction(gpu: GpuInstance, lay: Layout, source: string, loopMaxIterations: number): CustomInteraction {
  const runner = kernelRunner(gpu, source, { constants: {}, loopMaxIterations, asyncMode: true });
  return {
    run(rows, cols, opponents, width) {
      // Rules as chunk tables, ICs as chunk values.
      const tables = remap(rows, lay.tableEntries + 2, (rule, out) => packRule(rule, lay, out));
      const values = remap(cols, lay.icWidth, (ic, out) => packConfiguration(ic, lay, out));
      return runner.run(tables, values, opponents, width);
    },
    destroy: () => runner.destroy(),
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
