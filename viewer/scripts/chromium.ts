/**
 * Headless Chromium for the end-to-end tests and the screenshot script:
 * Debian's /usr/bin/chromium (CHROMIUM to override) driven by playwright-core,
 * with a fresh profile each time. A missing browser is an error, never a skip.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * `args` replaces CHROMIUM_ARGS (the web page's test tries software GL with
 * and without --disable-gpu); `downloads` lets a page's downloads be saved.
 */
export async function launchChromium(
  viewport = { width: 1440, height: 1000 },
  options: { readonly args?: readonly string[]; readonly downloads?: boolean } = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM=/path/to/chromium`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'redqueen-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...(options.args ?? CHROMIUM_ARGS)],
    viewport,
    ...(options.downloads ? { acceptDownloads: true } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
