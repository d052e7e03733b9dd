/**
 * One record of champions.bin (champions-log.ts has the file): pure, so the
 * browser build writes the very bytes the CLI does.
 *
 * Record: u32 generation | f32 x solverLength | f32 x challengerLength | u32 CRC-32
 * of the bytes before it (little-endian).
 */
import { crc32 } from '../basics/crc32.ts';

export function recordBytes(solverLength: number, challengerLength: number): number {
  return 4 * (solverLength + challengerLength + 2);
}

export function encodeRecord(generation: number, solver: Float32Array, challenger: Float32Array): Uint8Array {
  const bytes = new Uint8Array(recordBytes(solver.length, challenger.length));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, generation, true);
  let at = 4;
  for (const x of solver) (view.setFloat32(at, x, true), (at += 4));
  for (const x of challenger) (view.setFloat32(at, x, true), (at += 4));
  view.setUint32(at, crc32(bytes.subarray(0, at)), true);
  return bytes;
}
