/**
 * How smooth is the viewer with a long history and a big matrix? Preloads
 * 1,000 generations, then streams 256 x 256 matrices at a steady rate into
 * headless Chromium and records the page's animation-frame intervals and how
 * far behind the stream the page falls. Prints one JSON object.
 *
 *   node --import tsx viewer/scripts/render-benchmark.ts [generationsPerSecond] [seconds]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessPolicy } from '../../core/stream/access.ts';
import { StreamHub } from '../../core/stream/hub.ts';
import { startStreamServer } from '../../core/stream/server.ts';
import { launchChromium } from './chromium.ts';
import { syntheticGeneration, syntheticInfo } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rate = Number(process.argv[2] ?? 25);
const seconds = Number(process.argv[3] ?? 8);
const HISTORY = 1000;
const SIDE = 256;

const work = mkdtempSync(join(tmpdir(), 'redqueen-bench-'));
const viewerDir = join(work, 'viewer');
execFileSync(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, 'build', 'viewer', '--logLevel', 'warn', '--outDir', viewerDir, '--emptyOutDir'], {
  cwd: ROOT,
  stdio: 'inherit',
});

// Every generation in a message of its own (no batching): the page's worst case.
const hub = new StreamHub(null, { batchMs: 0 });
const info = syntheticInfo('sorting-network', HISTORY + rate * seconds);
hub.reset(
  info,
  Array.from({ length: HISTORY }, (_, g) => syntheticGeneration('sorting-network', g, SIDE, SIDE)),
);
const server = await startStreamServer({ host: '127.0.0.1', port: 0, access: accessPolicy({ host: '127.0.0.1' }), hub, viewerDir });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  const loadStart = performance.now();
  await page.goto(server.url);
  await page.waitForFunction((n) => document.querySelector('[data-testid="generation"]')?.textContent === String(n), HISTORY);
  const catchUpMs = performance.now() - loadStart;
  // As text: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.frameLog = [];
    let last = performance.now();
    const tick = (t) => { window.frameLog.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const messages = Array.from({ length: rate * seconds }, (_, i) => syntheticGeneration('sorting-network', HISTORY + i, SIDE, SIDE));
  const started = performance.now();
  let lagMax = 0;
  for (let i = 0; i < messages.length; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    hub.publish(messages[i]!.point, messages[i]!.detail);
    if (i % rate === 0) {
      const shown = Number(await page.textContent('[data-testid="generation"]'));
      lagMax = Math.max(lagMax, HISTORY + i + 1 - shown);
    }
  }
  const last = HISTORY + messages.length;
  await page.waitForFunction((n) => document.querySelector('[data-testid="generation"]')?.textContent === String(n), last);
  const drainMs = performance.now() - started - (messages.length * 1000) / rate;
  const frames = ((await page.evaluate('window.frameLog')) as number[]).slice(1).sort((a, b) => a - b);
  const q = (p: number) => Math.round(frames[Math.min(frames.length - 1, Math.floor(p * frames.length))]! * 10) / 10;
  const result = {
    history: HISTORY,
    matrix: `${SIDE}x${SIDE}`,
    generationsPerSecond: rate,
    seconds,
    messageBytes: JSON.stringify({ type: 'generation', ...messages[0] }).length,
    catchUpMs: Math.round(catchUpMs),
    frames: frames.length,
    frameMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) },
    framesOver50ms: frames.filter((f) => f > 50).length,
    maxGenerationsBehind: lagMax,
    drainAfterLastMessageMs: Math.round(Math.max(0, drainMs)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
