/**
 * gpu.js on WebGL2 inside the run's worker: an OffscreenCanvas gives the
 * worker a WebGL2 context where the browser has one (a GPU, or Chromium's
 * software SwiftShader). The domain's kernel is its GL one (what headlessgl
 * runs in Node), held like every backend to the reference before it is kept.
 */
import type { DomainInstance } from '../../../core/domain/domain.ts';
import type { Evaluator } from '../../../core/backends/evaluator-type.ts';
import { BackendUnavailable, firstLine } from '../../../core/backends/backend-unavailable.ts';
import { gpuEvaluator } from '../../../core/backends/gpu-evaluator.ts';
import { GPU } from '../../../core/domain/gpujs.ts';

/** Why WebGL2 is not here, or null when an OffscreenCanvas gives a WebGL2 context. */
export function webgl2Missing(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return 'this browser gives workers no OffscreenCanvas, so no WebGL2';
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return 'this browser has no WebGL2 context (no GPU, and no software GL enabled)';
    return null;
  } catch (e) {
    return `WebGL2 does not start here: ${firstLine(e)}`;
  }
}

export async function webgl2Evaluator(domain: DomainInstance): Promise<Evaluator> {
  const missing = webgl2Missing();
  if (missing) throw new BackendUnavailable(missing);
  let gpu;
  try {
    gpu = new GPU({ mode: 'webgl2' });
  } catch (e) {
    throw new BackendUnavailable(`gpu.js does not start on WebGL2: ${firstLine(e)}`);
  }
  if (gpu.mode !== 'webgl2') {
    await gpu.destroy();
    throw new BackendUnavailable(`gpu.js fell back to ${gpu.mode} instead of WebGL2`);
  }
  return gpuEvaluator(domain, gpu, 'webgl2', 'headlessgl', true);
}
