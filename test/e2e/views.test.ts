/**
 * Every domain view kind draws in real Chromium, fed synthetic messages in
 * the human formats (the CA and number-game domains are built elsewhere; their
 * views are checked here against the formats in docs/design.md "Formats").
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessPolicy } from '../../core/stream/access.ts';
import { StreamHub } from '../../core/stream/hub.ts';
import { startStreamServer } from '../../core/stream/server.ts';
import type { ViewKind } from '../../core/domain/domain.ts';
import { buildViewer, ink, ROOT, viewerSuite } from './harness.ts';
import { syntheticGeneration, syntheticInfo } from '../../viewer/scripts/synthetic.ts';

const suite = viewerSuite('redqueen-views-');
const { viewerDir } = suite;

const CASES: Array<[ViewKind, RegExp]> = [
  ['sorting-network', /4 wires, 5 comparators, depth 3/],
  ['ca-spacetime', /rule 005F005F005F005F005FFF5F005FFF5F · champion challenger's IC \(\d+\/149 ones\) · classified correctly/],
  ['points', /64 solvers, 64 challengers shown; dimensions 1 and 2 of 2/],
];

describe('domain views', () => {
  for (const [view, caption] of CASES) {
    it(`draws the ${view} view`, async () => {
      const hub = new StreamHub(null);
      hub.start(syntheticInfo(view, 100));
      for (let g = 0; g < 40; g++) {
        const { point, detail } = syntheticGeneration(view, g);
        hub.publish(point, detail);
      }
      const server = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1' }), hub, viewerDir });
      try {
        const page = await suite.browser().context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => document.querySelector('[data-testid="generation"]')?.textContent === '40');
        // More generations arrive live.
        for (let g = 40; g < 45; g++) {
          const { point, detail } = syntheticGeneration(view, g);
          hub.publish(point, detail);
        }
        await page.waitForFunction(() => document.querySelector('[data-testid="generation"]')?.textContent === '45');
        await page.waitForFunction(() => /generation 44/.test(document.querySelector('#view-caption')?.textContent ?? ''));
        expect(await page.textContent('#view-caption')).toMatch(caption);
        for (const id of ['domain-view', 'matrix', 'ciao', 'fitness-chart', 'arms-chart', 'master-chart']) {
          expect(await ink(page, id), id).toBeGreaterThan(500);
        }
        // The synthetic run has a cycling episode, detected at 19 and over at 30: both events listed, newest first.
        expect(await page.$$eval('[data-testid="events"] li', (lis) => lis.map((li) => li.textContent))).toEqual([
          expect.stringMatching(/^gen 30 · cycling over: generations 10-25/),
          expect.stringMatching(/^gen 19 · cycling since generation 10/),
        ]);
        expect(await page.textContent('[data-testid="pathologies"]')).toBe('no pathology detected');
        expect(await page.textContent('[data-testid="dominance"]')).toMatch(/^dominance chains: 7 solvers, 5 challengers/);
        // No controls without a run to control.
        expect(await page.isDisabled('[data-testid="pause"]')).toBe(true);
        mkdirSync(join(ROOT, 'test-results'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'test-results', `view-${view}.png`), fullPage: true });
        await page.close();
      } finally {
        await server.close();
      }
    });
  }
});
