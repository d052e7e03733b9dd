/**
 * Choosing the page's backend, in the worker: gpu.js on WebGL2 where the
 * browser gives a worker a WebGL2 context, else the domain's WebAssembly SIMD
 * kernel (fetched from the page's own build/wasm copy), else the plain-TS
 * reference. As with the CLI's `auto`, a backend is kept only if it starts
 * and agrees with the reference on a smoke batch; every backend computes the
 * same outcomes, so the choice changes the speed, never the run.
 */
import type { DomainInstance } from '../../../core/domain/domain.ts';
import type { Evaluator } from '../../../core/backends/evaluator-type.ts';
import { crossCheck, referenceEvaluator } from '../../../core/backends/reference.ts';
import { BackendUnavailable, firstLine } from '../../../core/backends/backend-unavailable.ts';
import { oneThreadWasmEvaluator } from '../../../core/backends/wasm/one-thread.ts';
import { webgl2Evaluator } from './webgl2.ts';
import { WEB_BACKENDS, type BackendAttemptInfo, type WebBackend, type WebBackendChoice } from './messages.ts';

/** The bytes of the smallest SIMD module (v128.const; drop): validates only where SIMD is supported. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 23, 1, 21, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 26, 11,
]);

export function wasmSimdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
}

async function wasmEvaluatorFrom(domain: DomainInstance, urls: Readonly<Record<string, string>>): Promise<Evaluator> {
  if (typeof WebAssembly !== 'object') throw new BackendUnavailable('this browser has no WebAssembly');
  if (!wasmSimdSupported()) throw new BackendUnavailable('this browser has WebAssembly but not its SIMD extension');
  const kernel = domain.wasm;
  if (!kernel) throw new BackendUnavailable(`the ${domain.name} domain has no wasm kernel`);
  const url = urls[kernel.module];
  if (!url) throw new BackendUnavailable(`build/wasm/${kernel.module}.wasm was not built into this page (npm run build:web builds it)`);
  const response = await fetch(url);
  if (!response.ok) throw new BackendUnavailable(`${url}: HTTP ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  return oneThreadWasmEvaluator(domain, module);
}

async function open(domain: DomainInstance, backend: WebBackend, urls: Readonly<Record<string, string>>): Promise<Evaluator> {
  switch (backend) {
    case 'webgl2':
      return webgl2Evaluator(domain);
    case 'wasm':
      return wasmEvaluatorFrom(domain, urls);
    case 'reference':
      return referenceEvaluator(domain);
  }
}

export async function chooseBackend(
  domain: DomainInstance,
  choice: WebBackendChoice,
  urls: Readonly<Record<string, string>>,
): Promise<{ evaluator: Evaluator; backend: WebBackend; attempts: BackendAttemptInfo[] }> {
  const order: readonly WebBackend[] = choice === 'auto' ? WEB_BACKENDS : [choice];
  const attempts: BackendAttemptInfo[] = [];
  for (const backend of order) {
    let evaluator: Evaluator | undefined;
    try {
      evaluator = await open(domain, backend, urls);
      const mismatch = await crossCheck(domain, evaluator, { rows: 4, cols: 5, seed: 'smoke' });
      if (mismatch) throw new BackendUnavailable(`disagrees with the reference: ${mismatch}`);
      attempts.push({ backend, ok: true, ...(evaluator.detail ? { detail: evaluator.detail } : {}) });
      return { evaluator, backend, attempts };
    } catch (e) {
      await evaluator?.destroy().catch(() => {});
      attempts.push({ backend, ok: false, reason: firstLine(e) });
    }
  }
  // An explicit choice that cannot run: the reference still can, and says why the choice did not.
  attempts.push({ backend: 'reference', ok: true });
  return { evaluator: referenceEvaluator(domain), backend: 'reference', attempts };
}
