// Vite builds the viewer into viewer/dist, which `redqueen run --port` and
// `redqueen serve` serve (overview.html: the runs overview of `serve RUNS_DIR`). For work on the viewer itself, `npx vite viewer`
// serves the source with hot reload and forwards /ws to a run streaming on
// port 8420 (REDQUEEN_PORT to change it).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const port = process.env.REDQUEEN_PORT ?? '8420';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    // Two pages: one run's viewer, and the overview of a folder of runs (`redqueen serve RUNS_DIR`).
    rollupOptions: {
      input: {
        viewer: fileURLToPath(new URL('index.html', import.meta.url)),
        overview: fileURLToPath(new URL('overview.html', import.meta.url)),
      },
    },
  },
  // The stream accepts browsers from its own origin only: present the proxied upgrade as such.
  server: {
    proxy: {
      '/ws': { target: `ws://127.0.0.1:${port}`, ws: true, changeOrigin: true, headers: { origin: `http://127.0.0.1:${port}` } },
    },
  },
});
