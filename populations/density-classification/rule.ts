/**
 * Radius-3 CA rules (docs/design.md "Formats"). A rule is a 128-entry table:
 * entry k is the new state of cell i when cells i-3 .. i+3, read as a 7-bit
 * number with i-3 the most significant bit, equal k. The human format is 32
 * hex digits, entry 0 first, each digit holding four entries most significant
 * bit first. As a genome the table is 128 genes of 0 or 1, entry k at gene k,
 * so a kernel reads the new state with one indexed fetch.
 */
import { UserError } from '../../core/index.ts';

export const RADIUS = 3;
export const NEIGHBOURHOODS = 128;

/** Gacs, Kurdyumov and Levin's rule: 81.6% standard accuracy at N=149. */
export const GKL_HEX = '005F005F005F005F005FFF5F005FFF5F';

/** Table (length 128, entries 0/1) -> 32 uppercase hex digits. */
export function ruleToHex(table: ArrayLike<number>): string {
  let hex = '';
  for (let d = 0; d < 32; d++) {
    let v = 0;
    for (let b = 0; b < 4; b++) v = (v << 1) | (table[4 * d + b] ? 1 : 0);
    hex += v.toString(16).toUpperCase();
  }
  return hex;
}

/** 32 hex digits -> table; errors name `source` and say what to fix. */
export function hexToRule(hex: string, source: string): Float32Array {
  const text = hex.trim();
  if (text.length !== 32) {
    throw new UserError(`${source}: a radius-3 rule is 32 hex digits (128 table entries), got ${text.length} characters`);
  }
  const bad = text.search(/[^0-9a-fA-F]/);
  if (bad >= 0) {
    throw new UserError(`${source}: "${text[bad]}" at position ${bad + 1} is not a hex digit (use 0-9 and A-F)`);
  }
  const table = new Float32Array(NEIGHBOURHOODS);
  for (let k = 0; k < NEIGHBOURHOODS; k++) table[k] = (parseInt(text[k >> 2]!, 16) >> (3 - (k & 3))) & 1;
  return table;
}

/** A rule given as `{"rule": "HEX"}` or as the bare hex string. */
export function parseRule(value: unknown, source: string): Float32Array {
  if (typeof value === 'string') return hexToRule(value, source);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const extra = Object.keys(obj).find((k) => k !== 'rule');
    if (extra !== undefined) throw new UserError(`${source}: unknown field "${extra}" (a rule is {"rule": "<32 hex digits>"})`);
    if (typeof obj.rule === 'string') return hexToRule(obj.rule, `${source} "rule"`);
  }
  throw new UserError(`${source}: expected {"rule": "<32 hex digits>"} or the hex string itself`);
}

/** The rule that gives each cell the majority state of its 7-neighbourhood. */
export function majorityRule(): Float32Array {
  const table = new Float32Array(NEIGHBOURHOODS);
  for (let k = 0; k < NEIGHBOURHOODS; k++) {
    let ones = 0;
    for (let b = 0; b < 7; b++) ones += (k >> b) & 1;
    table[k] = ones >= 4 ? 1 : 0;
  }
  return table;
}

/** Fraction of table entries that are 1 (Langton's lambda). */
export function lambda(table: ArrayLike<number>): number {
  let ones = 0;
  for (let k = 0; k < NEIGHBOURHOODS; k++) ones += table[k]!;
  return ones / NEIGHBOURHOODS;
}
