/**
 * The viewer in real headless Chromium against a real run started from the
 * CLI: the generation counter rises, the charts draw, pause/step/resume take
 * effect, and the page reconnects when the run is stopped and resumed.
 * A missing Chromium fails this test (it is never skipped).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildViewer, type Cli, freePort, generation, ink, redqueen, ROOT, status, viewerSuite } from './harness.ts';

const suite = viewerSuite('redqueen-e2e-');
const { tmp, env, running } = suite;

describe('viewer end to end', () => {
  it('shows a live run, obeys pause/step/resume, and reconnects across a stop and resume', async () => {
    const port = await freePort();
    const dir = join(tmp.path, 'run');
    const common = ['--port', String(port), '--speed', '6', '--quiet'];
    const first = redqueen(['run', '--inputs', '6', '--population', '32', '--generations', '5000', '--backend', 'cpu', '--out', dir, ...common], env);
    running.push(first);
    const url = await first.url;
    expect(url).toBe(`http://127.0.0.1:${port}/`);

    const page = await suite.browser().context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Chromium logs each refused reconnect attempt while the server is down; that is expected.
      if (m.type() === 'error' && !/WebSocket connection to .* failed/.test(m.text())) errors.push(m.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="generation"]')?.textContent) >= 5, null, {
      timeout: 60_000,
    });
    expect(await status(page)).toBe('running');

    // Charts and pictures are drawn.
    for (const id of ['fitness-chart', 'matrix', 'ciao', 'domain-view']) expect(await ink(page, id), id).toBeGreaterThan(500);
    expect(await page.textContent('#view-caption')).toMatch(/comparators, depth/);
    expect(await page.textContent('.probe h2')).toMatch(/outside the loop/i);

    // Pause holds the run (after the generation in flight).
    await page.click('[data-testid="pause"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent === 'paused');
    await page.waitForTimeout(800);
    const held = await generation(page);
    await page.waitForTimeout(1500);
    expect(await generation(page)).toBe(held);

    // Step plays exactly one generation and stays paused.
    await page.click('[data-testid="step"]');
    await page.waitForFunction((g) => Number(document.querySelector('[data-testid="generation"]')?.textContent) === g + 1, held);
    await page.waitForTimeout(1000);
    expect(await generation(page)).toBe(held + 1);
    expect(await status(page)).toBe('paused');

    // Resume lets it run again.
    await page.click('[data-testid="resume"]');
    await page.waitForFunction((g) => Number(document.querySelector('[data-testid="generation"]')?.textContent) >= g + 4, held);
    expect(await status(page)).toBe('running');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'e2e-viewer.png'), fullPage: true });

    // Stop the run (Ctrl-C): the page notices and waits for the server to come back.
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(130);
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent === 'reconnecting');
    const stoppedAt = await generation(page);

    // Resume the run on the same port: the page reconnects by itself and carries on from the history.
    const second = redqueen(['resume', dir, ...common], env);
    running.push(second);
    await second.url;
    await page.waitForFunction(
      (g) =>
        document.querySelector('[data-testid="status"]')?.textContent === 'running' &&
        Number(document.querySelector('[data-testid="generation"]')?.textContent) > g,
      stoppedAt,
      { timeout: 60_000 },
    );
    expect(await ink(page, 'fitness-chart')).toBeGreaterThan(500);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(130);
    expect(errors).toEqual([]);
  });
});
