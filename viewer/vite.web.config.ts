// The zero-install page (docs/web.md): web.html and its Web Worker, built by
// `npm run build:web` (bin/build-web.js) into build/web/, a static folder any
// static host serves. The domains' kernels (build/wasm/*.wasm) are copied in
// as assets. `npx vite preview --config viewer/vite.web.config.ts` serves it
// cross-origin isolated (the headers below), which lets the page share memory.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = (pkg: string) => (JSON.parse(readFileSync(`${root}${pkg}package.json`, 'utf8')) as { version: string }).version;
/**
 * Nothing Node-only in the page: the one Node module the engine's imports
 * reach (core/run/files.ts, through core/index.ts, for the domains' eval
 * commands) is swapped for its browser stand-in, and any other import of a
 * Node built-in from the project's own modules fails the build, naming the
 * module that imports it.
 */
function browserOnly(): Plugin {
  const swaps = new Map([[`${root}core/run/files.ts`, `${root}viewer/src/web/no-files.ts`]]);
  const builtins = new Set(builtinModules);
  return {
    name: 'redqueen-browser-only',
    enforce: 'pre',
    resolveId(source, importer) {
      // Libraries guard their own Node paths (seedrandom's crypto, mapped away by its "browser" field).
      const ours = importer !== undefined && importer.startsWith(root) && !importer.includes('/node_modules/');
      if (ours && (source.startsWith('node:') || builtins.has(source))) {
        this.error(`${source} is Node-only and must not reach the page; imported by ${importer ?? 'the entry'} (move the pure part to its own module)`);
      }
      // Only relative imports can name a swapped module; the rest resolve as usual.
      if (!ours || !source.startsWith('.')) return null;
      const swap = swaps.get(resolve(dirname(importer), source));
      return swap ? { id: swap } : null;
    },
  };
}

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [browserOnly()],
  define: {
    __REDQUEEN_VERSION__: JSON.stringify(version('')),
    __GPUJS_VERSION__: JSON.stringify(version('node_modules/gpu.js/')),
  },
  build: {
    outDir: process.env.REDQUEEN_WEB_OUT ?? `${root}build/web`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    // Kernels stay files of their own (fetched and compiled by the worker), never inlined as data URLs.
    assetsInlineLimit: 0,
    rollupOptions: { input: { web: fileURLToPath(new URL('web.html', import.meta.url)) } },
  },
  // The worker is bundled on its own, with its own plugins: the same check there.
  worker: { format: 'es', plugins: () => [browserOnly()] },
  server: { headers: isolation },
  preview: { headers: isolation },
});
