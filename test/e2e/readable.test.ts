/**
 * The viewer's measures are readable, in real headless Chromium on a real
 * number-game run of 64 + 64 players in 3 dimensions, replayed from its files:
 * the scatter has labelled axes and its players cover more than a couple of
 * dots even where they crowd on one spot, the probe chart has one line per
 * dimension with the run's own values (beside the probe score and its best so far), regress is drawn smoothed (25-generation
 * trailing mean) with the raw value under the cursor, and the champions'
 * JSON is shown whole in scroll boxes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { movingMean } from '../../viewer/src/smooth.ts';
import { runCli } from '../helpers/cli.ts';
import { buildViewer, legend, replayServer, ROOT, viewerSuite } from './harness.ts';

const suite = viewerSuite('redqueen-readable-');
const { tmp, viewerDir } = suite;

const GENERATIONS = 120;

interface Line {
  generation: number;
  probe: { dimensions: number[] } | null;
  regress: { solver: number | null; challenger: number | null };
}

describe('readable viewer panels', () => {
  it('number games: labelled, spread scatter; per-dimension probe lines; smoothed regress; whole champions', async () => {
    const dir = join(tmp.path, 'ng');
    const r = await runCli(['run', '--domain', 'number-games', '--dims', '3', '--population', '64', '--generations', String(GENERATIONS),
      '--seed', '1', '--backend', 'cpu', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    const last = lines.at(-1)!;
    const server = await replayServer(dir, viewerDir);
    try {
      const page = await suite.browser().context.newPage();
      // Canvas text is not in the DOM: record what the page draws.
      await page.addInitScript(() => {
        const drawn = new Set<string>();
        (window as unknown as { drawnText: Set<string> }).drawnText = drawn;
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
          drawn.add(text);
          return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max);
        };
      });
      await page.goto(server.url);
      await page.waitForFunction((g) => document.querySelector('[data-testid="generation"]')?.textContent === String(g), GENERATIONS);
      await page.waitForFunction((g) => new RegExp(`generation ${g - 1}:`).test(document.querySelector('#view-caption')?.textContent ?? ''), GENERATIONS);

      // Axes: titles and ticks.
      const drawn = await page.evaluate(() => [...(window as unknown as { drawnText: Set<string> }).drawnText]);
      expect(drawn).toEqual(expect.arrayContaining(['dimension 1 / resolution', 'dimension 2 / resolution', '0']));
      // The axes end at one of the fixed extents (points.ts), labelled at their end.
      expect(drawn.filter((t) => ['0.0625', '0.125', '0.25', '0.5', '1'].includes(t)).length).toBeGreaterThan(0);

      // Spread: the players cover far more pixels than two dots would.
      const cover = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="domain-view"]')!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let blue = 0;
        let orange = 0;
        for (let i = 0; i < d.length; i += 4) {
          const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
          if (b > 200 && b - r > 60 && b - g > 40) blue++;
          if (r > 200 && r - b > 60 && r - g > 40) orange++;
        }
        const dot = Math.PI * Math.max(2.5, Math.min(c.width, c.height) / 150) ** 2;
        return { blue, orange, dot };
      });
      expect(cover.blue, 'solver pixels').toBeGreaterThan(8 * cover.dot);
      expect(cover.orange, 'challenger pixels').toBeGreaterThan(8 * cover.dot);

      // Per-dimension lines: one per dimension (plus the probe score), ending at the run's own values.
      const probe = await legend(page, 'probe-chart');
      expect(Object.keys(probe)).toEqual(['gen', 'probe score', 'best probed so far', 'dimension 1', 'dimension 2', 'dimension 3']);
      const dims = last.probe!.dimensions;
      for (let k = 0; k < 3; k++) expect(Number(probe[`dimension ${k + 1}`]), `dimension ${k + 1}`).toBeCloseTo(dims[k]!, 2);
      expect(await page.getAttribute('[data-testid="probe-chart"]', 'data-lines')).toBe('5');

      // Regress: the chart draws the 25-generation trailing mean, not the raw value.
      const x = lines.map((l) => l.generation);
      const smoothed = movingMean(x, lines.map((l) => l.regress.solver)).at(-1)!;
      const arms = await legend(page, 'arms-chart');
      expect(Number(arms['regress solver (25-gen mean)'])).toBeCloseTo(smoothed, 2);
      expect(Number(arms['regress challenger (25-gen mean)'])).toBeCloseTo(movingMean(x, lines.map((l) => l.regress.challenger)).at(-1)!, 2);
      // Under the cursor the legend shows the raw value beside it.
      const over = page.locator('[data-testid="arms-chart"] .u-over');
      await over.scrollIntoViewIfNeeded();
      const box = (await over.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
      await page.waitForFunction(() => /· raw \d/.test(document.querySelector('[data-testid="arms-chart"] .u-legend')?.textContent ?? ''));

      // Champions: whole JSON, in boxes that scroll rather than cut.
      const champions = await page.$$eval('#champions dd', (dds) =>
        dds.map((dd) => ({ text: dd.textContent ?? '', overflow: getComputedStyle(dd).overflowY })),
      );
      expect(champions.length).toBeGreaterThan(1);
      for (const c of champions) {
        expect(c.overflow).toBe('auto');
        expect(c.text).not.toMatch(/…$/);
      }
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(ROOT, 'test-results', 'number-games.png'), fullPage: true });
      await page.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
