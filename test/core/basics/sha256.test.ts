/** The pure SHA-256 a page signs its checkpoint with agrees with node:crypto's, which the CLI verifies it with. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/basics/sha256.ts';
import { bytesToBase64 } from '../../../core/basics/base64.ts';

describe('sha256Hex', () => {
  it('gives the FIPS value of "abc" and node:crypto\'s digest of any text (multi-block, non-ASCII)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('x'.repeat(200_000))).toBe(createHash('sha256').update('x'.repeat(200_000)).digest('hex'));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === createHash('sha256').update(s).digest('hex')));
  });
});

describe('bytesToBase64', () => {
  it("writes what Node's Buffer writes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => bytesToBase64(b) === Buffer.from(b).toString('base64')));
  });
});
