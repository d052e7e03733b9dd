/**
 * Backends: gpu.js's four, and `wasm` (hand-written WebAssembly SIMD kernels
 * on every core, core/backends/wasm/, no gpu.js). `auto` tries them best first and keeps the first one that
 * both starts and agrees with the domain's plain-TS reference on a smoke test
 * (see evaluator.ts); every run records which backend ran and why the better
 * ones were skipped.
 */
import type { BackendName } from '../domain/backend-names.ts';
import { GPU, type GpuInstance } from '../domain/gpujs.ts';


export { BackendUnavailable, firstLine } from './backend-unavailable.ts';
import { BackendUnavailable, firstLine } from './backend-unavailable.ts';

let webgpuReady: Promise<string | null> | undefined;

/**
 * Node has no navigator.gpu; the `webgpu` package (Dawn) provides one. Its
 * binary needs a newer libstdc++ than some distributions ship, so loading it
 * can fail: the reason is returned rather than thrown.
 */
function prepareWebGPU(): Promise<string | null> {
  webgpuReady ??= (async () => {
    const g = globalThis as { navigator?: { gpu?: unknown } };
    if (!g.navigator?.gpu) {
      try {
        const dawn = (await import('webgpu')) as { create(flags: string[]): unknown; globals: object };
        Object.assign(globalThis, dawn.globals);
        const nav = g.navigator ?? {};
        Object.defineProperty(nav, 'gpu', { value: dawn.create([]), configurable: true });
        if (!g.navigator) Object.defineProperty(globalThis, 'navigator', { value: nav, configurable: true });
      } catch (e) {
        return `the webgpu (Dawn) module does not load: ${firstLine(e)}`;
      }
    }
    return (await GPU.isWebGPUAvailable()) ? null : 'no WebGPU adapter answered';
  })();
  return webgpuReady;
}

/** A GPU instance for one gpu.js backend, or BackendUnavailable saying why not. */
export async function openBackend(name: BackendName): Promise<GpuInstance> {
  switch (name) {
    case 'wasm':
      // The evaluator opens wasm itself (core/backends/wasm/); it has no gpu.js instance.
      throw new BackendUnavailable('wasm is not a gpu.js backend');
    case 'webgpu': {
      const why = await prepareWebGPU();
      if (why) throw new BackendUnavailable(why);
      break;
    }
    case 'headlessgl':
      if (!GPU.isHeadlessGLSupported) {
        throw new BackendUnavailable(
          'headless-gl cannot create a context (is the optional `gl` addon built, and is there an X display? try xvfb-run -a)',
        );
      }
      break;
    case 'webasm':
      if (!GPU.isWebAssemblySupported) throw new BackendUnavailable('WebAssembly is not supported here');
      break;
    case 'cpu':
      break;
  }
  try {
    return new GPU({ mode: name });
  } catch (e) {
    throw new BackendUnavailable(firstLine(e));
  }
}
