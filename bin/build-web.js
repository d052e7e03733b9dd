#!/usr/bin/env node
// `npm run build:web`: the zero-install page (docs/web.md) into build/web/
// (or --out DIR): the wasm kernels first (bin/build-wasm.js, when stale),
// then Vite with viewer/vite.web.config.ts; prints every file's size and the
// total, raw and gzipped, so the bundle's weight is seen at each build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildWasm } from './build-wasm.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--out');
const out = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1] : join(root, 'build', 'web'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

await buildWasm({ force: false });
process.env.REDQUEEN_WEB_OUT = out;
const { build } = await import('vite');
await build({ configFile: join(root, 'viewer', 'vite.web.config.ts'), logLevel: 'warn' });
let raw = 0;
let gzip = 0;
for (const path of files(out).sort()) {
  const bytes = readFileSync(path);
  const z = gzipSync(bytes).length;
  raw += bytes.length;
  gzip += z;
  process.stdout.write(`  ${relative(out, path).padEnd(48)} ${kb(bytes.length).padStart(11)}  gzip ${kb(z).padStart(10)}\n`);
}
process.stdout.write(`redqueen: web page in ${relative(process.cwd(), out) || '.'}: ${kb(raw)} (gzip ${kb(gzip)})\n`);
