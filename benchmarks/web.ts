/**
 * `node --import tsx benchmarks/web.ts [--generations 100] [--inputs 8] [--out FILE]`
 *
 * The zero-install page's speed in headless Chromium (--disable-gpu, so
 * WebGL2 is the software SwiftShader): one sorting-network run per backend
 * (wasm on one thread, wasm on the pool when served cross-origin isolated,
 * the plain-TS reference, WebGL2 on a fifth of the generations, it being
 * slow in software), each the page's own overall rate (generations/s and
 * games/s from the start of the first generation). JSON on stdout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../viewer/scripts/chromium.ts';
import { serveStatic } from '../viewer/scripts/static-server.ts';
import { load, machine } from './machine.ts';

const { values } = parseArgs({
  options: { generations: { type: 'string', default: '100' }, inputs: { type: 'string', default: '8' }, out: { type: 'string' } },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redqueen-web-bench-'));
const before = load();
execFileSync(process.execPath, [join(root, 'bin/build-web.js'), '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
const plain = await serveStatic(dir);
const isolated = await serveStatic(dir, { isolated: true });
const browser = await launchChromium();
const results = [];
try {
  const cases = [
    { backend: 'wasm', site: plain, generations: Number(values.generations) },
    { backend: 'wasm', site: isolated, generations: Number(values.generations) },
    { backend: 'reference', site: plain, generations: Number(values.generations) },
    { backend: 'webgl2', site: plain, generations: Math.max(1, Math.round(Number(values.generations) / 5)) },
  ];
  for (const c of cases) {
    const page = await browser.context.newPage();
    await page.goto(`${c.site.url}web.html`);
    await page.fill('[data-testid="inputs"]', values.inputs!);
    await page.fill('[data-testid="seed"]', '1');
    await page.fill('[data-testid="generations"]', String(c.generations));
    await page.selectOption('[data-testid="backend-choice"]', c.backend);
    await page.click('[data-testid="start"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.trim() === 'finished', null, { timeout: 600_000 });
    const rate = (await page.textContent('[data-testid="rate"]')) ?? '';
    const [gens, games] = [...rate.matchAll(/([\d.,]+) (generations|games)\/s/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    results.push({
      backend: c.backend,
      isolated: c.site === isolated,
      detail: (await page.textContent('[data-testid="backend"]'))?.trim() ?? '',
      generations: c.generations,
      generationsPerSecond: gens,
      gamesPerSecond: games,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await plain.close();
  await isolated.close();
  rmSync(dir, { recursive: true, force: true });
}
const report = { benchmark: 'web', inputs: Number(values.inputs), chromium: '--headless --disable-gpu (SwiftShader)', machine: machine(), load: { before, after: load() }, results };
const text = `${JSON.stringify(report, null, 2)}\n`;
if (values.out) writeFileSync(values.out, text);
process.stdout.write(text);
