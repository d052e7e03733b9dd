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
import { armsFromJson, ArmsJson, armsToJson } from './checkpoint-arms.ts';
import { recordsFromJson, RecordsJson, recordsToJson } from './checkpoint-records.ts';
import { NO_RECORDS, type RunRecords } from '../measures/records.ts';
import type { RunConfig } from './config.ts';
import { UserError } from '../basics/errors.ts';
import { writeFileAtomic } from './files.ts';
import type { Population } from '../basics/population.ts';
import type { CoevolutionState } from '../engine/state.ts';

export const CHECKPOINT_FORMAT = 'redqueen-checkpoint';
/** 2: the arms-race analysis state, the Pareto archive and the difficulty joined the payload. */
export const CHECKPOINT_VERSION = 2;

export interface Checkpoint {
  readonly config: RunConfig;
  readonly state: CoevolutionState;
  /** The run's best-so-far records; none yet when absent. */
  readonly records?: RunRecords;
}

function toBase64(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64(s: string, expected: number, field: string, file: string): Float32Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== expected * 4) {
    throw new UserError(`${file}: checkpoint field "${field}" holds ${bytes.length / 4} genes, expected ${expected}`);
  }
  const out = new Float32Array(expected);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

const PopulationJson = z.strictObject({ size: z.number().int().min(0), length: z.number().int().min(1), genes: z.string() });
const PayloadJson = z.strictObject({
  config: z.record(z.string(), z.unknown()),
  generation: z.number().int().min(0),
  solvers: PopulationJson,
  challengers: PopulationJson,
  champions: z.number().int().min(0),
  arms: ArmsJson,
  archive: z.strictObject({ challengers: PopulationJson, solvers: PopulationJson }),
  difficulty: z.number().min(0).max(1).nullable(),
  // Optional: checkpoints written before the records existed resume with none.
  records: RecordsJson.optional(),
});
const FileJson = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  sha256: z.string(),
  payload: z.unknown(),
});

function popJson(p: Population) {
  return { size: p.size, length: p.length, genes: toBase64(p.genes) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function serializeCheckpoint({ config, state, records }: Checkpoint): string {
  const payload = {
    config,
    generation: state.generation,
    solvers: popJson(state.solvers),
    challengers: popJson(state.challengers),
    champions: state.champions.solvers.length,
    arms: armsToJson(state.arms),
    archive: { challengers: popJson(state.archive.challengers), solvers: popJson(state.archive.solvers) },
    difficulty: state.difficulty,
    records: recordsToJson(records ?? NO_RECORDS),
  };
  const text = JSON.stringify(payload);
  return `{"format":"${CHECKPOINT_FORMAT}","version":${CHECKPOINT_VERSION},"sha256":"${sha256(text)}","payload":${text}}\n`;
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
  if (d.archive.challengers.length !== cl || d.archive.solvers.length !== sl) {
    throw new UserError(`${file}: the Pareto archives' genome lengths do not match the populations'`);
  }
  return {
    config: d.config,
    state: {
      generation: d.generation,
      solvers: { size: d.solvers.size, length: sl, genes: fromBase64(d.solvers.genes, d.solvers.size * sl, 'solvers', file) },
      challengers: {
        size: d.challengers.size,
        length: cl,
        genes: fromBase64(d.challengers.genes, d.challengers.size * cl, 'challengers', file),
      },
      arms: armsFromJson(d.arms, d.generation, file),
      archive: {
        challengers: {
          size: d.archive.challengers.size,
          length: cl,
          genes: fromBase64(d.archive.challengers.genes, d.archive.challengers.size * cl, 'archive.challengers', file),
        },
        solvers: {
          size: d.archive.solvers.size,
          length: sl,
          genes: fromBase64(d.archive.solvers.genes, d.archive.solvers.size * sl, 'archive.solvers', file),
        },
      },
      difficulty: d.difficulty,
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
