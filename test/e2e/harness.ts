/**
 * End-to-end helpers: build the viewer, start the CLI as a user would, read
 * the page's state, and measure how much a canvas has drawn.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
export { redqueen, type Cli } from '../../viewer/scripts/cli.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Build the viewer from the current source into `outDir` (about a second).
 * Each test file builds its own copy, so files running in parallel never
 * serve a half-rebuilt viewer/dist.
 */
export function buildViewer(outDir: string): void {
  execFileSync(
    process.execPath,
    [`${ROOT}node_modules/vite/bin/vite.js`, 'build', 'viewer', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export async function generation(page: Page): Promise<number> {
  return Number(await page.textContent('[data-testid="generation"]'));
}

export async function status(page: Page): Promise<string> {
  return ((await page.textContent('[data-testid="status"]')) ?? '').trim();
}

/** Pixels in the canvases under a test id that are drawn (not transparent, not white). */
export async function ink(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const root = document.querySelector(`[data-testid="${id}"]`);
    if (!root) return -1;
    const canvases = root instanceof HTMLCanvasElement ? [root] : [...root.querySelectorAll('canvas')];
    let n = 0;
    for (const c of canvases) {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && !(d[i]! > 245 && d[i + 1]! > 245 && d[i + 2]! > 245)) n++;
    }
    return n;
  }, testId);
}

/** Build the zero-install page (npm run build:web) into `outDir`. */
export function buildWebPage(outDir: string): void {
  execFileSync(process.execPath, [`${ROOT}bin/build-web.js`, '--out', outDir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export { serveStatic } from '../../viewer/scripts/static-server.ts';
