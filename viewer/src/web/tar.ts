/**
 * A minimal ustar archive, written and read: the run directory leaves the
 * page as one file that `tar -xf` (and any archiver) unpacks, and comes back
 * in for a replay. Plain files only, no compression (the files are small and
 * a run's metrics compress poorly in a browser's hands anyway), so no
 * library: the format is 512-byte headers and zero-padded bodies.
 */
export interface TarEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function field(header: Uint8Array, offset: number, length: number, text: string): void {
  header.set(encoder.encode(text).subarray(0, length), offset);
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

function headerOf(name: string, size: number, mtime: number): Uint8Array {
  if (encoder.encode(name).length > 100) throw new Error(`tar: the name ${name} is longer than 100 bytes`);
  const h = new Uint8Array(BLOCK);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(0o644, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(mtime, 12));
  field(h, 148, 8, '        '); // the checksum counts its own field as spaces
  field(h, 156, 1, '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

export function writeTar(entries: readonly TarEntry[], mtime = Math.floor(Date.now() / 1000)): Uint8Array {
  const size = entries.reduce((n, e) => n + BLOCK + Math.ceil(e.bytes.length / BLOCK) * BLOCK, 0) + 2 * BLOCK;
  const out = new Uint8Array(size);
  let at = 0;
  for (const e of entries) {
    out.set(headerOf(e.name, e.bytes.length, mtime), at);
    at += BLOCK;
    out.set(e.bytes, at);
    at += Math.ceil(e.bytes.length / BLOCK) * BLOCK;
  }
  return out;
}

/** The plain files of a ustar (or old-style tar) archive; throws on a header whose checksum fails. */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const decoder = new TextDecoder();
  const text = (from: number, length: number) => decoder.decode(bytes.subarray(from, from + length)).replace(/\0.*$/s, '');
  const out: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= bytes.length; ) {
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (sum !== parseInt(text(at + 148, 8).trim(), 8)) throw new Error('not a tar archive (a header checksum fails)');
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = text(at + 156, 1);
    const prefix = text(at + 345, 155);
    const name = prefix ? `${prefix}/${text(at, 100)}` : text(at, 100);
    at += BLOCK;
    if (type === '0' || type === '') out.push({ name, bytes: bytes.slice(at, at + size) });
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
