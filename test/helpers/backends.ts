/**
 * The backends that work on this machine. In CI (CI=true) the headlessgl
 * backend must be among them: the CI script installs Xvfb and builds the `gl`
 * addon so the shader path is checked against the reference, and a silently
 * skipped backend would hide a broken kernel.
 */
import { openBackend } from '../../core/backends/backend.ts';
import { BACKENDS, type BackendName } from '../../core/domain/backend-names.ts';

let cached: Promise<BackendName[]> | undefined;

export function workingBackends(): Promise<BackendName[]> {
  cached ??= (async () => {
    const ok: BackendName[] = [];
    for (const b of BACKENDS) {
      try {
        const gpu = await openBackend(b);
        await gpu.destroy();
        ok.push(b);
      } catch {
        // not available here
      }
    }
    if (process.env.CI && !ok.includes('headlessgl')) {
      throw new Error('CI must check the headlessgl backend: build the gl addon and install Xvfb (see .ci/run)');
    }
    return ok;
  })();
  return cached;
}
