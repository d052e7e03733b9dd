/**
 * The archive's greedy counts distinctions on bitsets; it must choose exactly
 * what the plain greedy over a boolean matrix chooses (written out here, as
 * the archive computed it before), on quantized outcomes (the bitset path),
 * on continuous ones (more distinct values than the bitsets take), and with
 * NaN where pairs did not meet.
 */
import { describe, expect, it } from 'vitest';
import { chooseInformative } from '../../../core/remedies/pareto-archive.ts';
import { stream } from '../../../core/basics/rng.ts';

function plainGreedy(cols: readonly Float64Array[], size: number, oldMembers: number): number[] {
  const S = cols[0]?.length ?? 0;
  const covered = new Uint8Array(S * S);
  const gain = (o: Float64Array) => {
    let n = 0;
    for (let a = 0; a < S; a++) {
      if (Number.isNaN(o[a]!)) continue;
      for (let b = 0; b < S; b++) if (o[a]! > o[b]! && covered[a * S + b] === 0) n++;
    }
    return n;
  };
  const chosen: number[] = [];
  const open = new Set(cols.keys());
  while (chosen.length < size) {
    let best = -1;
    let bestGain = 0;
    for (const i of open) {
      const g = gain(cols[i]!);
      if (g > bestGain) [best, bestGain] = [i, g];
    }
    if (best < 0) break;
    chosen.push(best);
    open.delete(best);
    for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) if (cols[best]![a]! > cols[best]![b]!) covered[a * S + b] = 1;
  }
  for (let a = 0; a < oldMembers && chosen.length < size; a++) if (!chosen.includes(a)) chosen.push(a);
  return chosen;
}

describe('chooseInformative', () => {
  it.each([
    ['quantized (2 levels)', 2],
    ['quantized (17 levels)', 16],
    ['continuous', 0],
  ] as const)('picks what the plain greedy picks on %s outcomes, with unmet pairs', (_name, levels) => {
    const rng = stream('pareto-greedy', levels);
    for (let trial = 0; trial < 20; trial++) {
      const S = 5 + rng.int(70);
      const cols = Array.from({ length: 3 + rng.int(30) }, () =>
        Float64Array.from({ length: S }, () => (rng.chance(0.05) ? NaN : levels ? rng.int(levels + 1) / levels : rng.next())),
      );
      const size = 1 + rng.int(10);
      const old = rng.int(Math.min(5, cols.length));
      expect(chooseInformative(cols, size, old)).toEqual(plainGreedy(cols, size, old));
    }
  });
});
