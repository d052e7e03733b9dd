/**
 * Radius-3 cellular automata for the space-time view (docs/design.md "Formats"):
 * 128 output bits written as 32 hex digits, entry 0 first (most significant
 * bit of the first digit); entry k is the new state for the neighbourhood
 * read as cells i-3 .. i+3, i-3 the most significant bit. Circular lattice.
 */
import type { Json } from '../../../core/stream/protocol.ts';
import { findFirst } from './json-search.ts';

export const RADIUS = 3;
export const DEFAULT_CELLS = 149;

export function ruleTable(hex: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const table = new Uint8Array(128);
  for (let k = 0; k < 128; k++) table[k] = (parseInt(hex[k >> 2]!, 16) >> (3 - (k & 3))) & 1;
  return table;
}

/** The rule's hex anywhere in a champion's JSON. */
export function findRuleHex(value: Json): string | null {
  return findFirst(value, (v) => (typeof v === 'string' && /^[0-9a-fA-F]{32}$/.test(v) ? v : null));
}

/** An initial configuration in a challenger's JSON: a 0/1 string or an array of 0/1. */
export function findConfiguration(value: Json): Uint8Array | null {
  return findFirst(value, (v) => {
    if (typeof v === 'string' && /^[01]{8,}$/.test(v)) return Uint8Array.from(v, (c) => (c === '1' ? 1 : 0));
    if (Array.isArray(v) && v.length >= 8 && v.every((x) => x === 0 || x === 1)) return Uint8Array.from(v as number[]);
    return null;
  });
}

/** A reproducible random configuration (mulberry32), so the picture is stable across reloads. */
export function randomConfiguration(cells: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 < 0.5 ? 1 : 0;
  }
  return out;
}

export function stepCa(table: Uint8Array, cells: Uint8Array): Uint8Array {
  const n = cells.length;
  const next = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let d = -RADIUS; d <= RADIUS; d++) k = (k << 1) | cells[(i + d + n) % n]!;
    next[i] = table[k]!;
  }
  return next;
}

/** Rows of the space-time diagram: the configuration, then each step, stopping early at a fixed point. */
export function spaceTime(table: Uint8Array, initial: Uint8Array, steps: number): Uint8Array[] {
  const rows = [initial];
  let cur = initial;
  for (let t = 0; t < steps; t++) {
    const next = stepCa(table, cur);
    rows.push(next);
    if (next.every((x, i) => x === cur[i])) break;
    cur = next;
  }
  return rows;
}

/** Did the lattice settle on the majority state of the initial configuration? */
export function classifiedCorrectly(initial: Uint8Array, last: Uint8Array): boolean {
  const ones = initial.reduce((s, x) => s + x, 0);
  const want = ones * 2 > initial.length ? 1 : 0;
  return last.every((x) => x === want);
}
