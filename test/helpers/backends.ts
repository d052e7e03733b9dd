/**
 * The backends that work on this machine. In CI (CI=true) the headlessgl
 * and wasm backends must be among them: the CI script installs Xvfb and builds the `gl`
 * addon so the shader path is checked against the reference, and a silently
 * skipped backend would hide a broken kernel.
 */
import { openBackend } from '../../core/backends/backend.ts';
import { BACKENDS, type BackendName } from '../../core/domain/backend-names.ts';
import { loadModule } from '../../core/backends/wasm/loader.ts';
import { DOMAINS } from '../../populations/index.ts';

/** wasm works when every domain's module is built and loads (SIMD and threads). */
function checkWasm(): void {
  for (const d of DOMAINS) {
    const kernel = d.create(d.options.parse(d.testOptions ?? {})).wasm;
    if (kernel) loadModule(kernel.module);
  }
}

let cached: Promise<BackendName[]> | undefined;

export function workingBackends(): Promise<BackendName[]> {
  cached ??= (async () => {
    const ok: BackendName[] = [];
    for (const b of BACKENDS) {
      try {
        if (b === 'wasm') checkWasm();
        else await (await openBackend(b)).destroy();
        ok.push(b);
      } catch {
        // not available here
      }
    }
    if (process.env.CI && !ok.includes('headlessgl')) {
      throw new Error('CI must check the headlessgl backend: build the gl addon and install Xvfb (see .ci/run)');
    }
    if (process.env.CI && !ok.includes('wasm')) {
      throw new Error('CI must check the wasm backend: npm test builds it first (npm run build:wasm)');
    }
    return ok;
  })();
  return cached;
}
