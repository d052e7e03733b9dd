/**
 * The zero-install page (docs/web.md) in real headless Chromium: built into
 * a temp folder, served from loopback by a plain static server, a run played
 * in the page's worker writes the very metrics.jsonl (and champions.bin) the
 * CLI writes for the same seed and config, on the WebAssembly backend and on
 * WebGL2 (Chromium's software SwiftShader under --disable-gpu). A
 * page served cross-origin isolated plays wasm on a pool of Web Workers with
 * the same metrics. The downloaded archive is a run directory `redqueen analyze` accepts and
 * `redqueen resume` carries on, and loads back into the page as a replay.
 *
 * Compared byte for byte, nothing excluded: metrics.jsonl holds neither wall
 * time nor the backend's name (both are in timings.jsonl and run.json, which
 * legitimately differ and are not compared).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../viewer/scripts/chromium.ts';
import { tempDir } from '../core/stream/helpers.ts';
import { buildWebPage, generation, ROOT, serveStatic, status } from './harness.ts';

const tmp = tempDir('redqueen-web-');
let browser: Browser | undefined;
let site: { url: string; close(): Promise<void> } | undefined;

beforeAll(async () => {
  buildWebPage(join(tmp.path, 'web'));
  site = await serveStatic(join(tmp.path, 'web'));
  browser = await launchChromium(undefined, { downloads: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  tmp.remove();
});

interface Settings {
  readonly inputs: number;
  readonly seed: string;
  readonly generations: number;
  readonly backend: 'wasm' | 'webgl2' | 'reference';
  readonly solvers?: number;
  readonly challengers?: number;
}

/** The same run from the CLI, its directory. */
function cliRun(s: Settings, backend: 'wasm' | 'cpu'): string {
  const out = join(tmp.path, `cli-${s.seed}-${s.generations}-${backend}`);
  if (existsSync(out)) return out;
  const sizes = [...(s.solvers ? ['--solvers', String(s.solvers)] : []), ...(s.challengers ? ['--challengers', String(s.challengers)] : [])];
  execFileSync(
    process.execPath,
    [`${ROOT}bin/redqueen.js`, 'run', '--domain', 'sorting-networks', '--inputs', String(s.inputs), '--seed', s.seed,
      '--generations', String(s.generations), ...sizes, '--backend', backend, '--out', out, '--quiet'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}

async function openPage(at = site!): Promise<Page> {
  const page = await browser!.context.newPage();
  await page.goto(`${at.url}web.html`);
  return page;
}

async function startRun(page: Page, s: Settings): Promise<void> {
  await page.selectOption('[data-testid="domain"]', 'sorting-networks');
  await page.fill('[data-testid="inputs"]', String(s.inputs));
  await page.fill('[data-testid="seed"]', s.seed);
  await page.fill('[data-testid="generations"]', String(s.generations));
  await page.fill('[data-testid="solvers"]', s.solvers ? String(s.solvers) : '');
  await page.fill('[data-testid="challengers"]', s.challengers ? String(s.challengers) : '');
  await page.selectOption('[data-testid="backend-choice"]', s.backend);
  await page.click('[data-testid="start"]');
}

async function waitFinished(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.trim() === 'finished', null, { timeout });
}

/** Download the run through the page's button and unpack it with tar; returns the run directory. */
async function downloadRun(page: Page, name: string): Promise<{ dir: string; archive: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download"]')]);
  const archive = join(tmp.path, `${name}.tar`);
  await download.saveAs(archive);
  const into = join(tmp.path, `unpacked-${name}`);
  mkdirSync(into);
  execFileSync('tar', ['-xf', archive, '-C', into]);
  return { dir: join(into, download.suggestedFilename().replace(/\.tar$/, '')), archive };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file));

describe('the zero-install page', () => {
  it('plays a sorting-network run on WebAssembly SIMD whose metrics equal the CLI wasm run byte for byte; analyze and resume take the download; it replays', async () => {
    const s: Settings = { inputs: 8, seed: 'web8', generations: 30, backend: 'wasm' };
    const page = await openPage();
    await startRun(page, s);
    await waitFinished(page);
    expect(await generation(page)).toBe(30);
    expect(await page.getAttribute('[data-testid="backend"]', 'data-backend')).toBe('wasm');
    expect(await page.textContent('[data-testid="rate"]')).toMatch(/generations\/s · [\d,]+ games\/s/);
    const { dir, archive } = await downloadRun(page, 'wasm');
    const cli = cliRun(s, 'wasm');
    const lines = read(dir, 'metrics.jsonl').toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    expect(read(dir, 'metrics.jsonl').equals(read(cli, 'metrics.jsonl'))).toBe(true);
    expect(read(dir, 'champions.bin').equals(read(cli, 'champions.bin'))).toBe(true);
    expect(read(dir, 'best.json').equals(read(cli, 'best.json'))).toBe(true);

    const analyzed = spawnSync(process.execPath, [`${ROOT}bin/redqueen.js`, 'analyze', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(analyzed.stderr).toBe('');
    expect(analyzed.status).toBe(0);
    expect(analyzed.stdout).toContain(`Arms-race analysis of ${dir} (sorting-networks, seed web8, 30 generations)`);

    // The download is checkpointed: resume carries it on, bit-identical to the CLI run that never stopped.
    const resumed = spawnSync(process.execPath, [`${ROOT}bin/redqueen.js`, 'resume', dir, '--generations', '40', '--quiet', '--no-stream'], { cwd: ROOT, encoding: 'utf8' });
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    const longer = cliRun({ ...s, generations: 40 }, 'wasm');
    expect(read(dir, 'metrics.jsonl').equals(read(longer, 'metrics.jsonl'))).toBe(true);

    const replay = await openPage();
    await replay.setInputFiles('[data-testid="load"]', archive);
    await replay.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.trim() === 'replay');
    expect(await generation(replay)).toBe(30);
    expect(await replay.textContent('#run-meta')).toContain('seed web8');
    await replay.close();
    await page.close();
  });

  it('plays wasm on a pool of Web Workers when served cross-origin isolated, with the same metrics', async () => {
    const isolated = await serveStatic(join(tmp.path, 'web'), { isolated: true });
    try {
      const s: Settings = { inputs: 8, seed: 'web8', generations: 30, backend: 'wasm' };
      const page = await openPage(isolated);
      await startRun(page, s);
      await waitFinished(page);
      // The pool started (its calibration ran); whether 1 thread or all won depends on the machine.
      expect(await page.textContent('[data-testid="backend"]')).toMatch(/wasm \(bit-sliced v128 kernel, \d+ threads? \(calibrated on a \d+ x \d+ batch/);
      const { dir } = await downloadRun(page, 'isolated');
      expect(read(dir, 'metrics.jsonl').equals(read(cliRun(s, 'wasm'), 'metrics.jsonl'))).toBe(true);
      await page.close();
    } finally {
      await isolated.close();
    }
  });

  it('plays on WebGL2 (gpu.js in the worker, SwiftShader) with the CLI cpu run\'s metrics, or says why WebGL2 is missing', async () => {
    const s: Settings = { inputs: 6, seed: 'gl6', generations: 12, backend: 'webgl2', solvers: 24, challengers: 24 };
    const page = await openPage();
    await startRun(page, s);
    await waitFinished(page);
    const backend = await page.getAttribute('[data-testid="backend"]', 'data-backend');
    if (backend !== 'webgl2') {
      // No WebGL2 here: the page ran the reference and says why.
      expect(backend).toBe('reference');
      expect(await page.textContent('#notices')).toMatch(/webgl2 not used: .*WebGL2/);
      return;
    }
    const { dir } = await downloadRun(page, 'webgl2');
    const cli = cliRun(s, 'cpu');
    expect(read(dir, 'metrics.jsonl').toString('utf8').split('\n')).toHaveLength(13);
    expect(read(dir, 'metrics.jsonl').equals(read(cli, 'metrics.jsonl'))).toBe(true);
    await page.close();
  });

  it('obeys pause, step and resume, and runs number games until stopped', async () => {
    const page = await openPage();
    await page.selectOption('[data-testid="domain"]', 'number-games');
    await page.selectOption('[data-testid="game"]', 'sum');
    await page.fill('[data-testid="generations"]', '0');
    await page.selectOption('[data-testid="backend-choice"]', 'reference');
    await page.click('[data-testid="start"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="generation"]')?.textContent) >= 5);
    expect(await page.textContent('#run-title')).toContain('Number games');
    await page.click('[data-testid="pause"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.trim() === 'paused');
    await page.waitForTimeout(300);
    const held = await generation(page);
    await page.waitForTimeout(500);
    expect(await generation(page)).toBe(held);
    await page.click('[data-testid="step"]');
    await page.waitForFunction((g) => Number(document.querySelector('[data-testid="generation"]')?.textContent) === g + 1, held);
    await page.waitForTimeout(300);
    expect(await generation(page)).toBe(held + 1);
    await page.click('[data-testid="resume"]');
    await page.waitForFunction((g) => Number(document.querySelector('[data-testid="generation"]')?.textContent) > g + 3, held);
    expect(await status(page)).toBe('running');
    await page.close();
  });

  it('refuses bad settings with one line naming the field, and starts nothing', async () => {
    const page = await openPage();
    await startRun(page, { inputs: 1, seed: 'bad', generations: 5, backend: 'reference' });
    await page.waitForSelector('[data-testid="web-notice"]');
    expect(await page.textContent('[data-testid="web-notice"]')).toMatch(/inputs/);
    expect(await status(page)).not.toBe('running');
    await page.close();
  });
});
