/**
 * Domains choose their own human formats (docs/design.md "Formats"), and a view
 * should not break when a domain wraps its value in an object: these find
 * the first value of the wanted shape anywhere inside a JSON value.
 */
import type { Json } from '../../../core/stream/protocol.ts';

export function findFirst<T>(value: Json, pick: (v: Json) => T | null, depth = 0): T | null {
  const hit = pick(value);
  if (hit !== null) return hit;
  if (depth > 6 || value === null || typeof value !== 'object') return null;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    const found = findFirst(child, pick, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The first array of numbers (a point, an integer genome). */
export function numberArray(value: Json): number[] | null {
  return findFirst(value, (v) => (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number') ? (v as number[]) : null));
}
