/**
 * Checkpoints: the state after a generation plus the config that produced it,
 * as JSON with genomes in base64 (little-endian f32) and a SHA-256 of the
 * payload. Written atomically; a checkpoint that is truncated, edited or from
 * another format version is refused with the file's name.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { RunConfig } from './config.ts';
import { UserError } from './errors.ts';
import { writeFileAtomic } from './files.ts';
import type { Population } from './population.ts';
import type { CoevolutionState } from './state.ts';

export const CHECKPOINT_FORMAT = 'redqueen-checkpoint';
export const CHECKPOINT_VERSION = 1;

export interface Checkpoint {
  readonly config: RunConfig;
  readonly state: CoevolutionState;
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
  champions: z.strictObject({ count: z.number().int().min(0), solvers: z.string(), challengers: z.string() }),
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

function concat(rows: readonly Float32Array[], length: number): Float32Array {
  const out = new Float32Array(rows.length * length);
  rows.forEach((r, i) => out.set(r, i * length));
  return out;
}

function split(flat: Float32Array, length: number): Float32Array[] {
  const rows: Float32Array[] = [];
  for (let i = 0; i < flat.length; i += length) rows.push(flat.slice(i, i + length));
  return rows;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function serializeCheckpoint({ config, state }: Checkpoint): string {
  const payload = {
    config,
    generation: state.generation,
    solvers: popJson(state.solvers),
    challengers: popJson(state.challengers),
    champions: {
      count: state.champions.solvers.length,
      solvers: toBase64(concat(state.champions.solvers, state.solvers.length)),
      challengers: toBase64(concat(state.champions.challengers, state.challengers.length)),
    },
  };
  const text = JSON.stringify(payload);
  return `{"format":"${CHECKPOINT_FORMAT}","version":${CHECKPOINT_VERSION},"sha256":"${sha256(text)}","payload":${text}}\n`;
}

export function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  return writeFileAtomic(path, serializeCheckpoint(checkpoint));
}

/** Parse and verify a checkpoint file's text. The config is returned unvalidated: the caller re-resolves it. */
export function parseCheckpoint(text: string, file: string): { config: Record<string, unknown>; state: CoevolutionState } {
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
  if (d.champions.count !== d.generation) {
    throw new UserError(`${file}: ${d.champions.count} champions recorded for ${d.generation} generations`);
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
      champions: {
        solvers: split(fromBase64(d.champions.solvers, d.champions.count * sl, 'champions.solvers', file), sl),
        challengers: split(fromBase64(d.champions.challengers, d.champions.count * cl, 'champions.challengers', file), cl),
      },
    },
  };
}

export async function readCheckpoint(path: string): Promise<{ config: Record<string, unknown>; state: CoevolutionState }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read the checkpoint (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return parseCheckpoint(text, path);
}
