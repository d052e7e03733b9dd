/** The pure CRC-32 the browser build writes champions.bin with agrees with node:zlib's, which the CLI uses. */
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../core/basics/crc32.ts';

describe('crc32', () => {
  it('gives the check value of "123456789" and node:zlib\'s value on any bytes', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
  });
});
