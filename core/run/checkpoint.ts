/**
 * Checkpoints: the state after a generation plus the config that produced it,
 * as JSON with genomes in base64 (little-endian f32) and a SHA-256 of the
 * payload. Written atomically; a checkpoint that is truncated, edited or from
 * another format version is refused with the file's name. The champion history
 * lives in champions.bin (see champions-log.ts); the checkpoint records how
 * many of its records it covers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { armsFromJson, ArmsJson } from './checkpoint-arms.ts';
import { recordsFromJson, RecordsJson } from './checkpoint-records.ts';
import { NO_RECORDS, type RunRecords } from '../measures/records.ts';
import { UserError } from '../basics/errors.ts';
import { writeFileAtomic } from './files.ts';
import { genesFromBase64, PopulationJson } from '../basics/population-json.ts';
import type { CoevolutionState } from '../engine/state.ts';
import { REMEDIES } from '../remedies/index.ts';

export { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type Checkpoint } from './checkpoint-format.ts';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, serializeCheckpoint as serializeWith, type Checkpoint } from './checkpoint-format.ts';

const PayloadJson = z.strictObject({
  config: z.record(z.string(), z.unknown()),
  generation: z.number().int().min(0),
  solvers: PopulationJson,
  challengers: PopulationJson,
  champions: z.number().int().min(0),
  arms: ArmsJson,
  // Each remedy's state under its own field; the remedy validates it.
  ...Object.fromEntries(REMEDIES.flatMap((r) => (r.checkpoint ? [[r.checkpoint.field, z.unknown()]] : []))),
  // Optional: checkpoints written before the records existed resume with none.
  records: RecordsJson.optional(),
});
const FileJson = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  sha256: z.string(),
  payload: z.unknown(),
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Signed with node:crypto (faster than the pure digest on a large checkpoint; the same hex). */
export function serializeCheckpoint(checkpoint: Checkpoint): string {
  return serializeWith(checkpoint, sha256);
}

export function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  return writeFileAtomic(path, serializeCheckpoint(checkpoint));
}

/** A verified checkpoint whose champion history is still to be read from champions.bin. */
export interface StoredCheckpoint {
  /** Unvalidated: the caller re-resolves it against the domain. */
  readonly config: Record<string, unknown>;
  readonly state: Omit<CoevolutionState, 'champions'>;
  readonly champions: number;
  readonly records: RunRecords;
}

/** Parse and verify a checkpoint file's text. */
export function parseCheckpoint(text: string, file: string): StoredCheckpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserError(`${file}: not a readable checkpoint (truncated or not JSON); restore it or start a new run`);
  }
  const outer = FileJson.safeParse(raw);
  if (!outer.success) {
    throw new UserError(`${file}: not a ${CHECKPOINT_FORMAT} version ${CHECKPOINT_VERSION} file`);
  }
  // The digest covers the payload exactly as written, so re-serialize it the same way.
  if (sha256(JSON.stringify(outer.data.payload)) !== outer.data.sha256) {
    throw new UserError(`${file}: checksum mismatch, the checkpoint is corrupt; restore it or start a new run`);
  }
  const p = PayloadJson.safeParse(outer.data.payload);
  if (!p.success) throw new UserError(`${file}: malformed checkpoint payload (${p.error.issues[0]?.path.join('.')})`);
  const d = p.data;
  const sl = d.solvers.length;
  const cl = d.challengers.length;
  if (d.champions !== d.generation) {
    throw new UserError(`${file}: ${d.champions} champions recorded for ${d.generation} generations`);
  }
  const ctx = { solverLength: sl, challengerLength: cl, file };
  const stored = d as Record<string, unknown>;
  return {
    config: d.config,
    state: {
      generation: d.generation,
      solvers: { size: d.solvers.size, length: sl, genes: genesFromBase64(d.solvers.genes, d.solvers.size * sl, 'solvers', file) },
      challengers: {
        size: d.challengers.size,
        length: cl,
        genes: genesFromBase64(d.challengers.genes, d.challengers.size * cl, 'challengers', file),
      },
      arms: armsFromJson(d.arms, d.generation, file),
      // A remedy without a checkpoint entry is stateless: its state is null (the remedy contract).
      remedies: Object.fromEntries(
        REMEDIES.map((r) => [r.key, r.checkpoint ? r.checkpoint.fromJson(stored[r.checkpoint.field], ctx) : null]),
      ),
    },
    champions: d.champions,
    records: d.records ? recordsFromJson(d.records, d.generation, sl, file) : NO_RECORDS,
  };
}

export async function readCheckpoint(path: string): Promise<StoredCheckpoint> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read the checkpoint (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return parseCheckpoint(text, path);
}
