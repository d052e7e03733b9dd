/**
 * The viewer's words agree with the run, in real headless Chromium against
 * runs started from the CLI: a sorting-network run at 6 inputs, which the
 * solvers win from the first generation (every network sorts more than half
 * of nearly every test set; the problem is solved at generation 11), says
 * lopsided and names the solvers; a number game that stays an even contest
 * over its first 40 generations (focusing game, seed 1: no side wins 70% of
 * the games for 10 generations running, checked on its metrics.jsonl below)
 * says engaged and shows no pathology.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { armsLabels, buildViewer, type Cli, freePort, redqueen, viewerSuite, waitForGeneration, watchErrors } from './harness.ts';

const suite = viewerSuite('redqueen-e2e-lopsided-');
const { tmp, env, running } = suite;

/** Start a run served on a free port, open the viewer, wait for `until` generations; the labels then and the run's metrics lines. */
async function watch(name: string, args: string[], until: number) {
  const port = await freePort();
  const dir = join(tmp.path, name);
  const cli = redqueen(['run', ...args, '--backend', 'cpu', '--generations', '5000', '--speed', '25', '--port', String(port), '--quiet', '--out', dir], env);
  running.push(cli);
  const page = await suite.browser().context.newPage();
  const errors = watchErrors(page);
  await page.goto(await cli.url);
  await waitForGeneration(page, until);
  // Pause so the labels and the files describe the same generations.
  await page.click('[data-testid="pause"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent === 'paused');
  await page.waitForTimeout(500);
  const labels = await armsLabels(page);
  await page.close();
  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(130);
  expect(errors).toEqual([]);
  const metrics = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { engagement: { zeros: number; ones: number }; events: Array<{ kind: string; side?: string }> });
  return { labels, metrics };
}

describe('lopsided in the viewer', () => {
  it('a sorting-network run the solvers win says lopsided, naming the solvers, and never "engaged"', async () => {
    const { labels, metrics } = await watch('sorting', ['--inputs', '6', '--population', '32', '--seed', '1'], 25);
    expect(metrics.flatMap((m) => m.events).find((e) => e.kind === 'lopsided')).toMatchObject({ side: 'solvers' });
    expect(labels.banner).toMatch(/^PATHOLOGY: .*lopsided since generation 0: solvers dominate, challengers stall/);
    expect(labels.bannerClass).toBe('disengaged');
    expect(labels.engagement).toMatch(/^LOPSIDED: solvers win at least 70% of the games since generation 0/);
    expect(labels.engagement).not.toMatch(/\bengaged\b/);
  });

  it('an even number game says engaged and shows no pathology', async () => {
    const { labels, metrics } = await watch('numbers', ['--domain', 'number-games', '--game', 'focusing', '--seed', '1'], 40);
    expect(metrics.length).toBeGreaterThanOrEqual(40);
    // An even contest: no side won 70% of the games ten generations running (and no detector fired).
    expect(metrics.flatMap((m) => m.events)).toEqual([]);
    expect(labels.banner).toBe('no pathology detected');
    expect(labels.bannerClass).toBe('engaged');
    expect(labels.engagement).toMatch(/^engaged: mean outcome /);
  });
});
