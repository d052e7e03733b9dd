/**
 * `redqueen serve` in real headless Chromium: the timeline moves a replay to
 * an earlier generation (header, charts and matrix as the run's files had
 * them), and the overview of a folder of runs lists the runs, overlays their
 * curves, and opens one run's viewer.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../viewer/scripts/chromium.ts';
import { FRAMES_FILE, parseFrames } from '../../core/stream/frames-log.ts';
import { tempDir } from '../core/stream/helpers.ts';
import { buildViewer, freePort, generation, ink, matrixPixels, redqueen, ROOT, watchErrors, type Cli } from './harness.ts';

let browser: Browser | undefined;
const running: Cli[] = [];
const tmp = tempDir('redqueen-e2e-serve-');
const viewerDir = join(tmp.path, 'viewer');
const env = { REDQUEEN_VIEWER_DIR: viewerDir };
const runs = join(tmp.path, 'runs');

/** A small, fast run (a few seconds on one core). */
async function smallRun(seed: string, out: string): Promise<void> {
  const cli = redqueen(['run', '--inputs', '5', '--population', '16', '--generations', '30', '--backend', 'cpu', '--seed', seed, '--out', out, '--quiet']);
  cli.url.catch(() => {}); // it serves nothing: no URL comes
  expect(await cli.exited, cli.output()).toBe(0);
}

async function serve(dir: string): Promise<string> {
  const cli = redqueen(['serve', dir, '--port', String(await freePort())], env);
  running.push(cli);
  return cli.url;
}

beforeAll(async () => {
  buildViewer(viewerDir);
  await Promise.all([smallRun('1', join(runs, 'seed-1')), smallRun('2', join(runs, 'seed-2'))]);
  browser = await launchChromium();
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
});

afterAll(async () => {
  for (const cli of running) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
  await browser?.close();
  tmp.remove();
});

describe('serve in the browser', () => {
  it('the timeline shows an earlier generation as the run had it, then follows the run again', async () => {
    const dir = join(runs, 'seed-1');
    const page = await browser!.context.newPage();
    const errors = watchErrors(page);
    await page.goto(await serve(dir));
    const bar = page.locator('[data-testid="timeline"]');
    await bar.waitFor({ state: 'visible' });
    // The newest point and its picture can arrive in separate messages: wait for both.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="timeline"]');
      return el?.getAttribute('data-generation') === '29' && el.getAttribute('data-matrix') !== null;
    });
    expect(await generation(page)).toBe(30);
    const frames = new Map(parseFrames(readFileSync(join(dir, FRAMES_FILE), 'utf8')).map((f) => [f.generation, f.detail]));
    expect(await bar.getAttribute('data-matrix')).toBe(frames.get(29)!.matrix.data);
    const latestPixels = await matrixPixels(page);

    await page.locator('[data-testid="timeline-range"]').fill('4');
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-generation') === '4');
    expect(await generation(page)).toBe(4);
    expect(await bar.getAttribute('data-detail-generation')).toBe('4');
    // The page holds generation 4's matrix from the run's files, and draws something else than before.
    expect(await bar.getAttribute('data-matrix')).toBe(frames.get(4)!.matrix.data);
    expect(frames.get(4)!.matrix.data).not.toBe(frames.get(29)!.matrix.data);
    await page.waitForFunction(() => /gen 4 /.test(document.querySelector('#matrix-size')?.textContent ?? ''));
    const earlierPixels = await matrixPixels(page);
    expect(earlierPixels).not.toBe(latestPixels);
    expect(await page.textContent('[data-testid="timeline-note"]')).toMatch(/every panel as it was/);
    // The charts end at generation 4: the fitness legend's generation reads 4.
    expect(await page.locator('[data-testid="fitness-chart"] .u-legend .u-series').first().textContent()).toMatch(/^gen\D*4$/);
    await page.screenshot({ path: join(ROOT, 'test-results', 'e2e-serve-timeline.png'), fullPage: true });

    await page.click('[data-testid="timeline-latest"]');
    // The newest point and its picture can arrive in separate messages: wait for both.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="timeline"]');
      return el?.getAttribute('data-generation') === '29' && el.getAttribute('data-matrix') !== null;
    });
    expect(await generation(page)).toBe(30);
    expect(await bar.getAttribute('data-matrix')).toBe(frames.get(29)!.matrix.data);
    expect(errors).toEqual([]);
  });

  it('the overview of a folder lists both runs, overlays their curves and opens one', async () => {
    const page = await browser!.context.newPage();
    const errors = watchErrors(page);
    await page.goto(await serve(runs));
    const rows = page.locator('[data-testid="runs-table"] tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/seed-1.*A.*Sorting networks.*1.*30 \/ 30.*finished/i);
    expect(await rows.nth(1).textContent()).toMatch(/seed-2.*A.*2.*30 \/ 30.*finished/i);
    const attr = (id: string, name: string) => page.getAttribute(`[data-testid="${id}"]`, `data-${name}`);
    // One probe line per run; CIAO and fitness: one line per side per run.
    expect(await attr('overview-probe', 'series')).toBe('2');
    expect(await attr('overview-ciao', 'series')).toBe('4');
    expect(await attr('overview-fitness', 'series')).toBe('4');
    expect(await attr('overview-probe', 'labels')).toBe('seed-1|seed-2');
    expect(Number(await attr('overview-fitness', 'points'))).toBe(4 * 30);
    for (const id of ['overview-probe', 'overview-ciao', 'overview-fitness']) expect(await ink(page, id), id).toBeGreaterThan(500);
    await page.screenshot({ path: join(ROOT, 'test-results', 'e2e-serve-overview.png'), fullPage: true });

    // Unticking a run takes its lines out.
    await rows.nth(0).locator('input[type="checkbox"]').uncheck();
    expect(await attr('overview-probe', 'series')).toBe('1');
    expect(await attr('overview-probe', 'labels')).toBe('seed-2');

    // A run's name opens the full viewer on that run, timeline included.
    await rows.nth(1).locator('a').click();
    await page.waitForURL(/index\.html\?run=seed-2/);
    await page.locator('[data-testid="timeline"]').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /seed 2/.test(document.querySelector('#run-meta')?.textContent ?? ''));
    expect(await generation(page)).toBe(30);
    expect(errors).toEqual([]);
  });
});
