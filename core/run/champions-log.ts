/**
 * champions.bin: the champion history, one fixed-size record per generation,
 * appended as the run goes. Keeping it out of checkpoint.json keeps every
 * checkpoint the size of the populations, however long the run, so a run can
 * checkpoint every generation.
 *
 * Record: u32 generation | f32 x solverLength | f32 x challengerLength | u32 CRC-32
 * of the bytes before it (little-endian). A checkpoint names how many records it
 * covers; records past that (written after the last checkpoint) are dropped on
 * resume, and a torn or corrupt record is refused by name.
 */
import { crc32 } from 'node:zlib';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { ChampionHistory } from '../measures/champions.ts';
import { UserError } from '../basics/errors.ts';
import { writeFileAtomic } from './files.ts';

export { encodeRecord, recordBytes } from './champion-record.ts';
import { recordBytes } from './champion-record.ts';

/** The first `count` records of a champions log, checked. */
export function decodeRecords(
  bytes: Uint8Array,
  count: number,
  solverLength: number,
  challengerLength: number,
  file: string,
): ChampionHistory {
  const size = recordBytes(solverLength, challengerLength);
  if (bytes.length < count * size) {
    throw new UserError(`${file}: holds ${Math.floor(bytes.length / size)} champions but the checkpoint needs ${count}; the file was cut short`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const solvers: Float32Array[] = [];
  const challengers: Float32Array[] = [];
  for (let g = 0; g < count; g++) {
    const base = g * size;
    const body = size - 4;
    if (view.getUint32(base, true) !== g || view.getUint32(base + body, true) !== crc32(bytes.subarray(base, base + body))) {
      throw new UserError(`${file}: champion record ${g} is corrupt; restore the run directory or start a new run`);
    }
    const s = new Float32Array(solverLength);
    const c = new Float32Array(challengerLength);
    for (let i = 0; i < solverLength; i++) s[i] = view.getFloat32(base + 4 + 4 * i, true);
    for (let i = 0; i < challengerLength; i++) c[i] = view.getFloat32(base + 4 + 4 * (solverLength + i), true);
    solvers.push(s);
    challengers.push(c);
  }
  return { solvers, challengers };
}

export async function readChampions(
  path: string,
  count: number,
  solverLength: number,
  challengerLength: number,
): Promise<ChampionHistory> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if (count === 0) return { solvers: [], challengers: [] };
    throw new UserError(`${path}: cannot read the champion history (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return decodeRecords(bytes, count, solverLength, challengerLength, path);
}

/**
 * Generation g's champions alone, read from their record (for a replay's
 * timeline), or null when the log does not hold that record whole and intact.
 */
export async function readChampionRecord(
  path: string,
  g: number,
  solverLength: number,
  challengerLength: number,
): Promise<{ solver: Float32Array; challenger: Float32Array } | null> {
  const size = recordBytes(solverLength, challengerLength);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, g * size);
    const view = new DataView(bytes.buffer);
    if (bytesRead < size || view.getUint32(0, true) !== g || view.getUint32(size - 4, true) !== crc32(bytes.subarray(0, size - 4))) return null;
    const solver = new Float32Array(solverLength);
    const challenger = new Float32Array(challengerLength);
    for (let i = 0; i < solverLength; i++) solver[i] = view.getFloat32(4 + 4 * i, true);
    for (let i = 0; i < challengerLength; i++) challenger[i] = view.getFloat32(4 + 4 * (solverLength + i), true);
    return { solver, challenger };
  } finally {
    await handle.close();
  }
}

/** Cut the log back to `count` records (atomically), dropping generations the checkpoint does not cover. */
export async function truncateChampions(path: string, count: number, solverLength: number, challengerLength: number): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    bytes = new Uint8Array(0);
  }
  await writeFileAtomic(path, bytes.subarray(0, count * recordBytes(solverLength, challengerLength)));
}

export async function openChampionsLog(path: string): Promise<FileHandle> {
  return open(path, 'a');
}
