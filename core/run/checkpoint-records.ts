/**
 * The run's records (core/measures/records.ts) in a checkpoint, so a resumed
 * run continues them exactly: each record's genome as base64 little-endian
 * f32, its generation and what it was ranked by. Validated on the way back.
 */
import { z } from 'zod';
import { genesFromBase64, genesToBase64 } from '../basics/population-json.ts';
import { UserError } from '../basics/errors.ts';
import type { JsonObject } from '../basics/json.ts';
import type { RunRecords } from '../measures/records.ts';

const gen = z.number().int().min(0);
const genes = z.string();

export const RecordsJson = z.strictObject({
  valid: z.strictObject({ generation: gen, genes, measures: z.array(z.number()) }).nullable(),
  probed: z
    .strictObject({
      generation: gen,
      genes,
      score: z.number(),
      cost: z.number(),
      label: z.string(),
      details: z.record(z.string(), z.unknown()),
    })
    .nullable(),
});
export type RecordsJsonValue = z.infer<typeof RecordsJson>;

export function recordsToJson(r: RunRecords): RecordsJsonValue {
  return {
    valid: r.valid ? { generation: r.valid.generation, genes: genesToBase64(r.valid.genome), measures: [...r.valid.measures] } : null,
    probed: r.probed
      ? {
          generation: r.probed.generation,
          genes: genesToBase64(r.probed.genome),
          score: r.probed.score,
          cost: r.probed.cost,
          label: r.probed.label,
          details: r.probed.details,
        }
      : null,
  };
}

/** A record from a generation the checkpoint has not reached yet was written by something else: refuse it. */
export function recordsFromJson(j: RecordsJsonValue, generation: number, solverLength: number, file: string): RunRecords {
  for (const [name, r] of [['valid', j.valid], ['probed', j.probed]] as const) {
    if (r && r.generation >= generation) {
      throw new UserError(`${file}: the ${name} record is from generation ${r.generation}, not before the checkpoint's ${generation}`);
    }
  }
  return {
    valid: j.valid
      ? { generation: j.valid.generation, genome: genesFromBase64(j.valid.genes, solverLength, 'records.valid', file), measures: j.valid.measures }
      : null,
    probed: j.probed
      ? {
          generation: j.probed.generation,
          genome: genesFromBase64(j.probed.genes, solverLength, 'records.probed', file),
          score: j.probed.score,
          cost: j.probed.cost,
          label: j.probed.label,
          details: j.probed.details as JsonObject,
        }
      : null,
  };
}
