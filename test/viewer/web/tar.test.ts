/** The page's run archive: what writeTar writes, tar unpacks (names, bytes), and readTar reads back. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTar, writeTar } from '../../../viewer/src/web/tar.ts';
import { tempDir } from '../../core/stream/helpers.ts';

const tmp = tempDir('redqueen-tar-');
afterAll(() => tmp.remove());

const entries = [
  { name: 'run-1/metrics.jsonl', bytes: new TextEncoder().encode('{"generation":0}\n') },
  { name: 'run-1/champions.bin', bytes: Uint8Array.from({ length: 1300 }, (_, i) => (i * 37) & 0xff) },
  { name: 'run-1/empty.json', bytes: new Uint8Array(0) },
];

describe('tar', () => {
  it('writes an archive the system tar unpacks to the same files', () => {
    const archive = join(tmp.path, 'a.tar');
    writeFileSync(archive, writeTar(entries));
    const into = join(tmp.path, 'out');
    mkdirSync(into);
    execFileSync('tar', ['-xf', archive, '-C', into]);
    for (const e of entries) expect(Buffer.compare(readFileSync(join(into, e.name)), Buffer.from(e.bytes))).toBe(0);
  });

  it('reads back what it wrote, and what the system tar wrote', () => {
    expect(readTar(writeTar(entries))).toEqual(entries);
    const archive = join(tmp.path, 'b.tar');
    execFileSync('tar', ['--format=ustar', '-cf', archive, '-C', join(tmp.path, 'out'), 'run-1/metrics.jsonl']);
    expect(readTar(new Uint8Array(readFileSync(archive)))).toEqual([entries[0]]);
  });

  it('refuses a file that is not a tar', () => {
    expect(() => readTar(new Uint8Array(1024).fill(7))).toThrow(/not a tar archive/);
  });
});
