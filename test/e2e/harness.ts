/**
 * End-to-end helpers: build the viewer, start the CLI as a user would, read
 * the page's state, and measure how much a canvas has drawn.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Browser } from '../../viewer/scripts/chromium.ts';
import { tempDir } from '../core/stream/helpers.ts';
import { accessPolicy } from '../../core/stream/access.ts';
import { StreamHub } from '../../core/stream/hub.ts';
import { startReplay } from '../../core/stream/replay.ts';
import { startStreamServer } from '../../core/stream/server.ts';
import type { Cli } from '../../viewer/scripts/cli.ts';
export { redqueen, type Cli } from '../../viewer/scripts/cli.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The arguments `npm start` gives `redqueen` (package.json "start", after
 * `bin/redqueen.js`), so a test runs exactly the demo a new user sees.
 */
export function startScriptArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /node bin\/redqueen\.js (.*)$/.exec(pkg.scripts.start);
  if (!m) throw new Error(`package.json "start" no longer runs node bin/redqueen.js: ${pkg.scripts.start}`);
  return m[1]!.trim().split(/\s+/);
}

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

/** The matrix canvas's pixels, as one string (equal strings: the same picture). */
export async function matrixPixels(page: Page): Promise<string> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="matrix"]')!;
    return c.toDataURL('image/png');
  });
}

/** Page errors and console errors, collected as they come (a test expects none). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Serve a run directory's files to viewers, as `redqueen serve` does, on a free port. */
export async function replayServer(dir: string, viewerDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const hub = new StreamHub(null);
  const rep = await startReplay(dir, hub, 60_000);
  const server = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1' }), hub, viewerDir });
  return { url: server.url, close: async () => (rep.stop(), await server.close()) };
}

/** The uPlot legend of a chart: label -> shown value. */
export async function legend(page: Page, testId: string): Promise<Record<string, string>> {
  return page.$$eval(`[data-testid="${testId}"] .u-legend .u-series`, (rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('.u-label')?.textContent ?? '', r.querySelector('.u-value')?.textContent ?? ''])),
  );
}

/** Wait until the viewer's generation counter reaches `n` (a run's first generations can take a while on a loaded machine). */
export async function waitForGeneration(page: Page, n: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((g) => Number(document.querySelector('[data-testid="generation"]')?.textContent) >= g, n, { timeout });
}

/** The two arms-race labels: the engagement line under the diversity chart and the pathologies banner. */
export async function armsLabels(page: Page): Promise<{ engagement: string; banner: string; bannerClass: string }> {
  return page.evaluate(() => {
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    return {
      engagement: text('disengagement'),
      banner: text('pathologies'),
      bannerClass: document.querySelector('[data-testid="pathologies"]')?.className ?? '',
    };
  });
}

/** Build the zero-install page (npm run build:web) into `outDir`. */
export function buildWebPage(outDir: string): void {
  execFileSync(process.execPath, [`${ROOT}bin/build-web.js`, '--out', outDir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export { serveStatic } from '../../viewer/scripts/static-server.ts';

/** What a browser test file shares: a temp folder, its own built viewer, one Chromium, the CLIs it started. */
export interface ViewerSuite {
  readonly tmp: { readonly path: string };
  readonly viewerDir: string;
  /** Environment for a CLI that should serve this suite's viewer build. */
  readonly env: Readonly<Record<string, string>>;
  /** CLIs to kill at the end if a test left them running. */
  readonly running: Cli[];
  browser(): Browser;
}

/**
 * Register the suite's setup and teardown (call at the top level of a test
 * file): build the viewer into a fresh temp folder, launch Chromium once;
 * afterwards kill leftover CLIs, close Chromium and remove the folder.
 */
export function viewerSuite(prefix: string): ViewerSuite {
  const tmp = tempDir(prefix);
  const viewerDir = join(tmp.path, 'viewer');
  const running: Cli[] = [];
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildViewer(viewerDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const cli of running) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    await browser?.close();
    tmp.remove();
  });
  return {
    tmp,
    viewerDir,
    env: { REDQUEEN_VIEWER_DIR: viewerDir },
    running,
    browser: () => {
      if (!browser) throw new Error('viewerSuite: Chromium is not up (beforeAll failed?)');
      return browser;
    },
  };
}
