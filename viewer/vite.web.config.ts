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

/**
 * web.html holds only its head and the settings bar: its body is filled at
 * build from viewer/index.html's body (every panel the live viewer has), with
 * the settings bar under the notices and this page's entry script instead of
 * the viewer's, and the header's first words saying no run plays yet.
 */
function viewerPanels(): Plugin {
  const tag = (html: string, re: RegExp, what: string): RegExpExecArray => {
    const m = re.exec(html);
    if (!m) throw new Error(`viewer/vite.web.config.ts: ${what} not found; keep it in the page`);
    return m;
  };
  return {
    name: 'redqueen-viewer-panels',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('web.html')) return html;
        const viewer = readFileSync(fileURLToPath(new URL('index.html', import.meta.url)), 'utf8');
        const form = tag(html, /<form id="web-settings"[\s\S]*?<\/form>/, 'web.html: the settings <form id="web-settings">')[0];
        const script = tag(html, /<script type="module" src="[^"]*"><\/script>/, 'web.html: the entry <script type="module">')[0];
        let body = tag(viewer, /<body>([\s\S]*)<\/body>/, 'index.html: <body>')[1]!;
        body = body.replace(tag(body, /<script type="module" src="[^"]*"><\/script>/, "index.html: the viewer's <script type=\"module\">")[0], script);
        body = body.replace(tag(body, /<div id="notices"><\/div>/, 'index.html: <div id="notices">')[0], (m) => `${m}\n    ${form}`);
        body = body.replace('<div id="run-title">connecting…</div>', '<div id="run-title">no run yet: choose its settings and press Start</div>');
        body = body.replace('class="status starting">connecting</span>', 'class="status starting">ready</span>');
        return html.replace(/<body>[\s\S]*<\/body>/, `<body>${body}</body>`);
      },
    },
  };
}

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [browserOnly(), viewerPanels()],
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
