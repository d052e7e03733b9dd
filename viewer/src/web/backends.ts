/**
 * Choosing the page's backend, in the worker: gpu.js on WebGL2 where the
 * browser gives a worker a WebGL2 context, else the domain's WebAssembly SIMD
 * kernel (fetched from the page's own build/wasm copy; on every core when the
 * page is cross-origin isolated, else on one thread), else the plain-TS
 * reference. As with the CLI's `auto`, a backend is kept only if it starts
 * and agrees with the reference on a smoke batch, and the fastest of those
 * is taken; every backend computes the
 * same outcomes, so the choice changes the speed, never the run.
 */
import type { DomainInstance } from '../../../core/domain/domain.ts';
import type { Evaluator } from '../../../core/backends/evaluator-type.ts';
import { calibrationBatch, crossCheck, referenceEvaluator, type BatchShape } from '../../../core/backends/reference.ts';
import { BackendUnavailable, firstLine } from '../../../core/backends/backend-unavailable.ts';
import { oneThreadWasmEvaluator } from '../../../core/backends/wasm/one-thread.ts';
import { pooledWasmEvaluator } from '../../../core/backends/wasm/pooled-evaluator.ts';
import type { PoolWorker, SpawnThread } from '../../../core/backends/wasm/pool.ts';
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

async function wasmEvaluatorFrom(domain: DomainInstance, urls: Readonly<Record<string, string>>, shape: BatchShape): Promise<Evaluator> {
  if (typeof WebAssembly !== 'object') throw new BackendUnavailable('this browser has no WebAssembly');
  if (!wasmSimdSupported()) throw new BackendUnavailable('this browser has WebAssembly but not its SIMD extension');
  const kernel = domain.wasm;
  if (!kernel) throw new BackendUnavailable(`the ${domain.name} domain has no wasm kernel`);
  const url = urls[kernel.module];
  if (!url) throw new BackendUnavailable(`build/wasm/${kernel.module}.wasm was not built into this page (npm run build:web builds it)`);
  const response = await fetch(url);
  if (!response.ok) throw new BackendUnavailable(`${url}: HTTP ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  // Threads share the kernel's memory, and a page may send shared memory to a worker only when cross-origin isolated.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!isolated) {
    const one = oneThreadWasmEvaluator(domain, module);
    return { ...one, detail: `${one.detail} (the page is not cross-origin isolated, so no shared threads)` };
  }
  return pooledWasmEvaluator(domain, module, { cores: navigator.hardwareConcurrency || 1, spawn: spawnWebThread }, {
    calibrate: calibrationBatch(domain, shape),
  });
}

/** A thread of the pool as a Web Worker (wasm-thread.ts); it says 'bye' when it leaves after the pool's stop. */
const spawnWebThread: SpawnThread = (init) => {
  const worker = new Worker(new URL('./wasm-thread.ts', import.meta.url), { type: 'module', name: `redqueen-wasm-${init.thread}` });
  let exit: () => void = () => {};
  const exited = new Promise<void>((resolve) => (exit = resolve));
  const entry: PoolWorker = {
    ctl: new Int32Array(init.control),
    exited,
    terminate: () => {
      worker.terminate();
      exit();
    },
  };
  worker.onmessage = (e) => {
    if (e.data === 'bye') exit();
  };
  worker.onerror = (e) => {
    entry.error = e.message || 'a wasm thread failed to start';
    exit();
  };
  worker.postMessage(init);
  return entry;
};

async function open(domain: DomainInstance, backend: WebBackend, urls: Readonly<Record<string, string>>, shape: BatchShape): Promise<Evaluator> {
  switch (backend) {
    case 'webgl2':
      return webgl2Evaluator(domain);
    case 'wasm':
      return wasmEvaluatorFrom(domain, urls, shape);
    case 'reference':
      return referenceEvaluator(domain);
  }
}

/** Milliseconds for one batch of `shape` after a warm-up (which compiles); a warm-up over a second is the answer itself. */
async function timeBatch(domain: DomainInstance, evaluator: Evaluator, shape: BatchShape): Promise<number> {
  const { rows, cols, opponents } = calibrationBatch(domain, shape);
  const t0 = performance.now();
  await evaluator.evaluate(rows, cols, opponents, shape.width);
  const warm = performance.now() - t0;
  if (warm > 1000) return warm;
  const t1 = performance.now();
  await evaluator.evaluate(rows, cols, opponents, shape.width);
  return performance.now() - t1;
}

/**
 * `auto` opens every backend, keeps those that agree with the reference and
 * takes the fastest on a batch of the run's shape (software WebGL2 can be
 * slower than one wasm thread); an explicit choice is taken as it is, or the
 * reference when it cannot run, with the reason.
 */
export async function chooseBackend(
  domain: DomainInstance,
  choice: WebBackendChoice,
  urls: Readonly<Record<string, string>>,
  shape: BatchShape,
): Promise<{ evaluator: Evaluator; backend: WebBackend; attempts: BackendAttemptInfo[] }> {
  const order: readonly WebBackend[] = choice === 'auto' ? WEB_BACKENDS : [choice];
  const attempts: BackendAttemptInfo[] = [];
  let best: { evaluator: Evaluator; backend: WebBackend; ms: number } | null = null;
  for (const backend of order) {
    let evaluator: Evaluator | undefined;
    try {
      evaluator = await open(domain, backend, urls, shape);
      const mismatch = await crossCheck(domain, evaluator, { rows: 4, cols: 5, seed: 'smoke' });
      if (mismatch) throw new BackendUnavailable(`disagrees with the reference: ${mismatch}`);
      const detail = evaluator.detail ? { detail: evaluator.detail } : {};
      if (choice !== 'auto') {
        attempts.push({ backend, ok: true, ...detail });
        return { evaluator, backend, attempts };
      }
      const ms = await timeBatch(domain, evaluator, shape);
      attempts.push({ backend, ok: true, msPerBatch: ms, ...detail });
      if (!best || ms < best.ms) {
        await best?.evaluator.destroy();
        best = { evaluator, backend, ms };
      } else {
        await evaluator.destroy();
      }
    } catch (e) {
      await evaluator?.destroy().catch(() => {});
      attempts.push({ backend, ok: false, reason: firstLine(e) });
    }
  }
  if (best) return { evaluator: best.evaluator, backend: best.backend, attempts };
  // An explicit choice that cannot run: the reference still can, and the attempts say why the choice did not.
  attempts.push({ backend: 'reference', ok: true });
  return { evaluator: referenceEvaluator(domain), backend: 'reference', attempts };
}
