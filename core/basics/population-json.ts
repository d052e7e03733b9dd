/**
 * Populations as JSON: sizes and the genes as base64 of little-endian f32, so
 * a checkpoint restores every gene bit for bit.
 */
import { z } from 'zod';
import { UserError } from './errors.ts';
import { typedArrayToBase64 } from './base64.ts';
import type { Population } from './population.ts';

export const PopulationJson = z.strictObject({ size: z.number().int().min(0), length: z.number().int().min(1), genes: z.string() });
export type PopulationJson = z.infer<typeof PopulationJson>;

export function genesToBase64(genes: Float32Array): string {
  return typedArrayToBase64(genes);
}

export function populationToJson(p: Population): PopulationJson {
  return { size: p.size, length: p.length, genes: genesToBase64(p.genes) };
}

/** Genes of `expected` floats from base64; a wrong count names the field and the file. */
export function genesFromBase64(s: string, expected: number, field: string, file: string): Float32Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== expected * 4) {
    throw new UserError(`${file}: checkpoint field "${field}" holds ${bytes.length / 4} genes, expected ${expected}`);
  }
  const out = new Float32Array(expected);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** A population of genome length `length`, checked against what the JSON says. */
export function populationFromJson(p: PopulationJson, length: number, field: string, file: string): Population {
  if (p.length !== length) throw new UserError(`${file}: checkpoint field "${field}" has genomes of ${p.length} genes, expected ${length}`);
  return { size: p.size, length, genes: genesFromBase64(p.genes, p.size * length, field, file) };
}
