/**
 * Where the compiled kernels live and how they are loaded. Each domain's
 * AssemblyScript kernel is built from source by `npm run build:wasm`
 * (bin/build-wasm.js, which `npm test`, `npm start` and `npm run bench` run
 * first when an output is missing or older than its sources) into
 * build/wasm/<module>.wasm, kept out of git. A missing file makes the backend
 * unavailable with one line saying how to build it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BackendUnavailable } from '../backend.ts';

export const BUILD_COMMAND = 'npm run build:wasm';

/** build/wasm/, from this file's place in the repository. */
export const WASM_DIR = fileURLToPath(new URL('../../../build/wasm/', import.meta.url));

export function wasmPath(module: string): string {
  return `${WASM_DIR}${module}.wasm`;
}

const compiled = new Map<string, WebAssembly.Module>();

/** The compiled module, or BackendUnavailable saying why (not built; no SIMD or threads here). */
export function loadModule(module: string): WebAssembly.Module {
  const cached = compiled.get(module);
  if (cached) return cached;
  const path = wasmPath(module);
  if (!existsSync(path)) {
    throw new BackendUnavailable(`build/wasm/${module}.wasm is missing: build it with \`${BUILD_COMMAND}\``);
  }
  let mod: WebAssembly.Module;
  try {
    mod = new WebAssembly.Module(readFileSync(path));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new BackendUnavailable(`build/wasm/${module}.wasm does not load here (needs WebAssembly SIMD and threads): ${why}`);
  }
  compiled.set(module, mod);
  return mod;
}
