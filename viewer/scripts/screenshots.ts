/**
 * Regenerate docs/screenshots/<domain>.png for every registered domain:
 * start a run with the viewer (as `redqueen run --port` does), let it play a
 * while in headless Chromium, and capture the page.
 *
 *   npm run screenshots                      # every domain
 *   npm run screenshots -- sorting-networks  # some of them
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAINS } from '../../populations/index.ts';
import { launchChromium } from './chromium.ts';
import { redqueen } from './cli.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Per-domain run flags and how many generations to play before the picture. */
const SETTINGS: Record<string, { flags: string[]; generations: number }> = {
  'sorting-networks': { flags: ['--inputs', '10'], generations: 120 },
  // Long enough for the populations to leave the corner they start in.
  'number-games': { flags: [], generations: 400 },
};
const DEFAULT = { flags: [], generations: 80 };

async function shoot(domain: string): Promise<string> {
  const { flags, generations } = SETTINGS[domain] ?? DEFAULT;
  const work = mkdtempSync(join(tmpdir(), 'redqueen-shot-'));
  const cli = redqueen(['run', '--domain', domain, ...flags, '--generations', '100000', '--seed', '1', '--out', join(work, 'run'), '--port', '0', '--quiet']);
  const browser = await launchChromium({ width: 1440, height: 1000 });
  try {
    const page = await browser.context.newPage();
    await page.goto(await cli.url);
    await page.waitForFunction(
      (g) => Number(document.querySelector('[data-testid="generation"]')?.textContent) >= g,
      generations,
      { timeout: 15 * 60_000 },
    );
    await page.click('[data-testid="pause"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent === 'paused');
    await page.waitForTimeout(500);
    const file = join(OUT, `${domain}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } finally {
    await browser.close();
    cli.child.kill('SIGINT');
    await cli.exited;
    rmSync(work, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !DOMAINS.some((d) => d.name === w));
if (unknown.length) {
  process.stderr.write(`screenshots: unknown domain ${unknown.join(', ')}; registered: ${DOMAINS.map((d) => d.name).join(', ')}\n`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
for (const d of DOMAINS) {
  if (wanted.length && !wanted.includes(d.name)) continue;
  process.stderr.write(`screenshots: ${d.name}...\n`);
  process.stderr.write(`screenshots: wrote ${await shoot(d.name)}\n`);
}
