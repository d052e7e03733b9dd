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
    await expectRefused(['run', '--inputs', '5', '--generations', '3', '--out', out], /already holds a run; continue it with `npx redqueen resume/);
    expect(await readFile(join(out, 'metrics.jsonl'), 'utf8')).toBe(before);
  });

  it('an empty seed, from the flag or a config file', async () => {
    const dir = await tempDir();
    const out = join(dir, 'x');
    await expectRefused(['run', '--seed', '', '--out', out], /^redqueen: error: --seed must not be empty/, out);
    await expectRefused(['run', '--seed', '  ', '--out', out], /^redqueen: error: --seed must not be empty/, out);
    await writeFile(join(dir, 'seed.json'), JSON.stringify({ seed: '' }));
    await expectRefused(['run', '--config', join(dir, 'seed.json'), '--out', out], /seed\.json: field "seed": .*must not be empty/, out);
  });

  it('a config file\'s population, and sizes that disagree with it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'pop.json'), JSON.stringify({ domain: 'number-games', population: 12, generations: 2, backend: 'cpu' }));
    await writeFile(join(dir, 'clash.json'), JSON.stringify({ population: 12, solvers: 10 }));
    const out = join(dir, 'ok');
    const r = await runCli(['run', '--config', join(dir, 'pop.json'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')).config;
    expect([config.solvers, config.challengers]).toEqual([12, 12]);
    const bad = join(dir, 'bad');
    await expectRefused(['run', '--config', join(dir, 'clash.json'), '--out', bad], /clash\.json: fields "population" \(12\) and "solvers" \(10\) disagree/, bad);
  });

  it('errors never echo the bytes of a file that is not JSON', async () => {
    const dir = await tempDir();
    const secret = 'root:x:0:0:root:/root:/bin/bash\nsecret-password-line\n';
    await writeFile(join(dir, 'passwd'), secret);
    await writeFile(join(dir, 'binary'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x1b, 0x5b]));
    const text = await expectRefused(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'passwd')], /passwd: not valid JSON \(unexpected "r"/);
    expect(text.stderr).not.toMatch(/root:x|secret-password/);
    const binary = await expectRefused(['eval', '--domain', 'sorting-networks', '--network', join(dir, 'binary')], /binary: not JSON: the file looks binary$/);
    // Nothing a terminal would act on: no control bytes at all.
    expect(binary.stderr).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f]/);
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

  it('serve of a directory that is neither a run nor a folder of runs', async () => {
    const root = await tempDir();
    const plain = join(root, 'plain');
    await mkdir(join(plain, 'sub'), { recursive: true });
    await writeFile(join(plain, 'notes.txt'), 'not a run\n');
    await expectRefused(['serve', plain, '--port', '0'], /^redqueen: error: .*plain: no run\.json here and no run directories under it/);
    await expectRefused(['serve', join(root, 'missing'), '--port', '0'], /^redqueen: error: .*missing: no such directory/);
    expect(await readdir(plain)).toEqual(['notes.txt', 'sub']);
  });
});

