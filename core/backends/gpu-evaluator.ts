/**
 * A gpu.js instance (any mode: the CLI's four, a browser's webgl2) and a
 * domain's kernel as an evaluator. Opening the instance is the caller's job
 * (backend.ts in Node; viewer/src/web/webgl2.ts in a page), so this module
 * needs nothing of Node.
 */
import type { GpuInstance } from '../domain/gpujs.ts';
import type { BackendName } from '../domain/backend-names.ts';
import type { DomainInstance } from '../domain/domain.ts';
import type { CustomInteraction } from '../domain/kernel-types.ts';
import { remap } from '../basics/population.ts';
import { BackendUnavailable, firstLine } from './backend-unavailable.ts';
import { checkShapes } from './batch-shape.ts';
import type { Evaluator } from './evaluator-type.ts';
import { kernelRunner } from './kernel-runner.ts';

/**
 * `kernelFor`: whose kernel override (InteractionKernel.perBackend) and
 * build argument to use (a browser's webgl2 takes the GL one, headlessgl's).
 */
export async function gpuEvaluator(
  chosen: DomainInstance,
  gpu: GpuInstance,
  backend: Evaluator['backend'],
  kernelFor: BackendName,
  asyncMode: boolean,
): Promise<Evaluator> {
  const override = chosen.kernel.perBackend?.[kernelFor];
  const domain = override ? { ...chosen, kernel: override } : chosen;
  try {
    const custom = domain.kernel.build ? await domain.kernel.build(gpu, kernelFor) : null;
    return custom ? customEvaluator(gpu, custom, backend) : singleKernelEvaluator(gpu, domain, backend, asyncMode);
  } catch (e) {
    await gpu.destroy();
    throw e instanceof BackendUnavailable ? e : new BackendUnavailable(firstLine(e));
  }
}

function customEvaluator(gpu: GpuInstance, custom: CustomInteraction, backend: Evaluator['backend']): Evaluator {
  return {
    backend,
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      return custom.run(rows, cols, opponents, width);
    },
    async destroy() {
      await custom.destroy();
      await gpu.destroy();
    },
  };
}

function singleKernelEvaluator(gpu: GpuInstance, domain: DomainInstance, backend: Evaluator['backend'], asyncMode: boolean): Evaluator {
  const { source, constants, loopMaxIterations, columns: layout } = domain.kernel;
  const runner = kernelRunner(gpu, source, { constants, loopMaxIterations, asyncMode });
  return {
    backend,
    async evaluate(rows, cols, opponents, width) {
      checkShapes(rows, cols, opponents, width);
      if (rows.size === 0 || width === 0) return new Float32Array(0);
      const uploaded = layout ? remap(cols, layout.length, (g, out) => layout.write(g, out)) : cols;
      return runner.run(rows, uploaded, opponents, width);
    },
    async destroy() {
      runner.destroy();
      await gpu.destroy();
    },
  };
}
