/**
 * Every kind of bad input: a one-line error naming the flag, field or file,
 * exit code 2, and nothing created or overwritten.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function expectRefused(args: string[], message: RegExp, out?: string) {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')[0]).toMatch(message);
  expect(r.stdout).toBe('');
  if (out) expect(await exists(out)).toBe(false);
  return r;
}

describe('bad input', () => {
  it('unknown domain', async () => {
    const out = join(await tempDir(), 'x');
    await expectRefused(['run', '--domain', 'chess', '--out', out], /unknown domain "chess"; choose one of: .*sorting-networks/, out);
  });

  it('bad option values', async () => {
    const out = join(await tempDir(), 'x');
    await expectRefused(['run', '--inputs', '99', '--out', out], /^redqueen: error: --inputs: .*<=20/, out);
    // An option set in a file is named with the file; the flag that overrides it, with the flag.
    const file = join(await tempDir(), 'opts.json');
    await writeFile(file, JSON.stringify({ options: { inputs: 99 } }));
    await expectRefused(['run', '--config', file, '--out', out], /opts\.json \(options of sorting-networks\): option "inputs".*<=20/, out);
    await expectRefused(['run', '--config', file, '--inputs', '1', '--out', out], /^redqueen: error: --inputs: .*>=2/, out);
    await expectRefused(['run', '--inputs', 'eight', '--out', out], /--inputs must be a number, got "eight"/, out);
    await expectRefused(['run', '--generations', '1.5', '--out', out], /--generations must be a whole number/, out);
    await expectRefused(['run', '--population', '1', '--out', out], /--population must be between 2 and/, out);
    await expectRefused(['run', '--backend', 'cuda', '--out', out], /--backend.*cuda.*(Allowed choices|allowed)/i, out);
    await expectRefused(['run', '--no-such-flag', '--out', out], /unknown option '--no-such-flag'/, out);
  });

  it('config files with unknown or out-of-range fields, or not JSON', async () => {
    const dir = await tempDir();
    const out = join(dir, 'x');
    await writeFile(join(dir, 'unknown.json'), JSON.stringify({ seed: 3, populationSize: 10 }));
    await writeFile(join(dir, 'range.json'), JSON.stringify({ variation: { crossoverRate: 2 } }));
    await writeFile(join(dir, 'broken.json'), '{"seed": 3,');
    await expectRefused(['run', '--config', join(dir, 'unknown.json'), '--out', out], /unknown\.json: unknown field "populationSize"/, out);
    await expectRefused(['run', '--config', join(dir, 'range.json'), '--out', out], /range\.json: field "variation\.crossoverRate"/, out);
    await expectRefused(['run', '--config', join(dir, 'broken.json'), '--out', out], /broken\.json: not valid JSON/, out);
    await expectRefused(['run', '--config', join(dir, 'missing.json'), '--out', out], /missing\.json: cannot read the file \(ENOENT\)/, out);
  });

  it('an --out that already holds a run is left untouched', async () => {
    const out = join(await tempDir(), 'run');
    const first = await runCli(['run', '--inputs', '5', '--population', '8', '--generations', '3', '--out', out, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const before = await readFile(join(out, 'metrics.jsonl'), 'utf8');
    await expectRefused(['run', '--inputs', '5', '--generations', '3', '--out', out], /already holds a run; continue it with `redqueen resume/);
    expect(await readFile(join(out, 'metrics.jsonl'), 'utf8')).toBe(before);
  });

  it('malformed network files for eval', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ inputs: 4, comparators: [[2, 1]] }));
    await writeFile(join(dir, 'text.json'), 'not json');
    await expectRefused(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'bad.json'), '--json'], /bad\.json: comparators\[0\] is \[2,1\]/);
    await expectRefused(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'text.json')], /text\.json: not valid JSON/);
    await expectRefused(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'none.json')], /none\.json: cannot read the file/);
    await expectRefused(['eval', '--domain', 'sorting-networks'], /needs --network FILE/);
  });

  it('an unreadable or corrupt checkpoint leaves the run directory as it was', async () => {
    const out = join(await tempDir(), 'run');
    const first = await runCli(['run', '--inputs', '5', '--population', '8', '--generations', '4', '--out', out, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const files = async () => Promise.all((await readdir(out)).sort().map(async (f) => [f, await readFile(join(out, f), 'utf8')]));
    const checkpoint = join(out, 'checkpoint.json');
    const text = await readFile(checkpoint, 'utf8');

    await writeFile(checkpoint, text.slice(0, 200));
    const before = await files();
    await expectRefused(['resume', out, '--generations', '8'], /checkpoint\.json: not a readable checkpoint/);
    expect(await files()).toEqual(before);

    await writeFile(checkpoint, text.replace(/"genes":"(.)/, (_, c: string) => `"genes":"${c === 'A' ? 'B' : 'A'}`));
    await expectRefused(['resume', out, '--generations', '8'], /checkpoint\.json: checksum mismatch/);

    const empty = join(await tempDir(), 'empty');
    await mkdir(empty);
    await expectRefused(['resume', empty], /checkpoint\.json: cannot read the checkpoint \(ENOENT\)/);
  });
});
