#!/usr/bin/env node
// `npm run build:wasm`: compile each domain's AssemblyScript kernel
// (populations/<domain>/assembly/*.ts) to build/wasm/<domain>.wasm, the
// modules the `wasm` backend loads. bin/ensure-deps.js runs it before
// `npm test`, `npm start` and `npm run bench`; a module is rebuilt only when
// it is missing or older than its sources (or this script). The outputs are
// generated, so they stay out of git.
//
// Flags: SIMD and threads (shared memory imported from the host, so every
// thread's instance sees one memory), the stub runtime and no assertions:
// the kernels allocate nothing and hold no static data, so the host can lay
// out all of memory itself.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'build', 'wasm');
const FLAGS = [
  '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--enable', 'threads',
  '--importMemory', '--sharedMemory', '--initialMemory', '16', '--maximumMemory', '16384',
];

/** Every domain with an assembly/ folder: its name and entry files. */
function modules() {
  const pops = join(root, 'populations');
  return readdirSync(pops, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(pops, d.name, 'assembly')))
    .map((d) => {
      const dir = join(pops, d.name, 'assembly');
      const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
      return { name: d.name, sources, out: join(outDir, `${d.name}.wasm`) };
    });
}

function stale(m) {
  if (!existsSync(m.out)) return true;
  const built = statSync(m.out).mtimeMs;
  const script = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  return script > built || m.sources.some((s) => statSync(s).mtimeMs > built);
}

/** Build what is missing or stale (all with `force`); returns the names built. */
export async function buildWasm({ force = false, quiet = false } = {}) {
  const todo = modules().filter((m) => force || stale(m));
  if (todo.length === 0) return [];
  const asc = (await import('assemblyscript/asc')).default;
  mkdirSync(outDir, { recursive: true });
  for (const m of todo) {
    if (!quiet) process.stderr.write(`building build/wasm/${m.name}.wasm (AssemblyScript)\n`);
    const { error, stderr } = await asc.main([...m.sources, '--outFile', m.out, ...FLAGS]);
    if (error) {
      process.stderr.write(stderr.toString());
      throw new Error(`AssemblyScript could not compile ${m.name}: ${error.message}`);
    }
  }
  return todo.map((m) => m.name);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWasm({ force: process.argv.includes('--force') });
}
