/**
 * The sizes panel in real headless Chromium: a real sorting-network run,
 * replayed from its files, shows the comparator count and depth of the
 * champion and of the best valid network so far, and names the run's
 * best-valid.json. A number-game run (no record hook) hides the panel.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { buildViewer, ink, legend, replayServer, ROOT, viewerSuite } from './harness.ts';

const suite = viewerSuite('redqueen-sizes-');
const { tmp, viewerDir } = suite;

async function replay(dir: string) {
  const server = await replayServer(dir, viewerDir);
  return { server, close: server.close };
}

describe('sizes panel', () => {
  it('plots champion and best-valid comparators and depth with the best known, from the run files', async () => {
    const dir = join(tmp.path, 'sn');
    const r = await runCli(['run', '--domain', 'sorting-networks', '--inputs', '6', '--population', '48', '--generations', '60',
      '--seed', '3', '--backend', 'cpu', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const best = JSON.parse(readFileSync(join(dir, 'best-valid.json'), 'utf8')) as {
      generation: number;
      measures: { comparators: number; depth: number };
    };
    const last = JSON.parse(readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').at(-1)!) as {
      records: { champion: { comparators: number; depth: number } };
    };
    const { server, close } = await replay(dir);
    try {
      const page = await suite.browser().context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.querySelector('[data-testid="generation"]')?.textContent === '60');
      expect(await page.isVisible('[data-testid="sizes-panel"]')).toBe(true);
      await page.waitForFunction(() => /best valid so far/.test(document.querySelector('[data-testid="best-valid"]')?.textContent ?? ''));
      expect(await ink(page, 'sizes-chart')).toBeGreaterThan(500);
      // Away from the cursor the legend shows the newest values: the run's own numbers.
      const shown = await legend(page, 'sizes-chart');
      expect(shown).toMatchObject({
        'champion comparators': String(last.records.champion.comparators),
        'best valid comparators': String(best.measures.comparators),
        'best known comparators': '12',
        'champion depth': String(last.records.champion.depth),
        'best valid depth': String(best.measures.depth),
        'best known depth': '5',
      });
      expect(await page.textContent('[data-testid="best-valid"]')).toBe(
        `best valid so far: ${best.measures.comparators} comparators, depth ${best.measures.depth}, found at generation ${best.generation}`,
      );
      // The champion panel names both records too.
      const probed = JSON.parse(readFileSync(join(dir, 'best-probed.json'), 'utf8')) as { generation: number };
      const champions = await page.textContent('#champions');
      expect(champions).toContain(`best valid${best.measures.comparators} comparators, depth ${best.measures.depth}, generation ${best.generation}`);
      expect(champions).toMatch(new RegExp(`best probed1\\.0000 at generation ${probed.generation} \\(`));
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.locator('[data-testid="sizes-panel"]').screenshot({ path: join(ROOT, 'test-results', 'sizes-panel.png') });
      await page.screenshot({ path: join(ROOT, 'test-results', 'sizes-page.png'), fullPage: true });
      await page.close();
    } finally {
      await close();
    }
  }, 120_000);

  it('is hidden for a domain without a record hook', async () => {
    const dir = join(tmp.path, 'ng');
    const r = await runCli(['run', '--domain', 'number-games', '--population', '16', '--generations', '5', '--seed', '1',
      '--backend', 'cpu', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const { server, close } = await replay(dir);
    try {
      const page = await suite.browser().context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.querySelector('[data-testid="generation"]')?.textContent === '5');
      expect(await page.isVisible('[data-testid="sizes-panel"]')).toBe(false);
      await page.close();
    } finally {
      await close();
    }
  }, 120_000);
});
