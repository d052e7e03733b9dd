/** formatFraction: never an imperfect score as 1.000 (or a non-zero one as 0.000). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFraction } from '../../../core/basics/format.ts';
import { reportText, type RunAnalysis } from '../../../core/analyze/analyze.ts';

describe('formatFraction', () => {
  it('shows three decimals, and more only where rounding would claim 1 or 0', () => {
    expect(formatFraction(1)).toBe('1.000');
    expect(formatFraction(0)).toBe('0.000');
    expect(formatFraction(0.5)).toBe('0.500');
    expect(formatFraction(0.99963)).toBe('0.9996');
    expect(formatFraction(65512 / 65536)).toBe('0.9996');
    expect(formatFraction(65535 / 65536)).toBe('0.99998');
    expect(formatFraction(1 - 2 ** -40)).not.toMatch(/^1\.0+$/);
    expect(formatFraction(0.0001)).toBe('0.0001');
  });

  it('prints 1.000 exactly when the value is 1, for any value in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (x) => {
        const s = formatFraction(x);
        expect(/^1\.0+$/.test(s)).toBe(x === 1);
        expect(/^0\.0+$/.test(s)).toBe(x === 0);
      }),
    );
  });

  it('keeps analyze from printing an imperfect best probe score as 1.000', () => {
    const side = { firstQuarter: 0.5, lastQuarter: 0.9996, best: { generation: 3, score: 0.99963 } };
    const analysis = {
      dir: 'runs/x',
      domain: 'sorting-networks',
      seed: '1',
      generations: 10,
      dominance: { solvers: { length: 0, generations: [] }, challengers: { length: 0, generations: [] } },
      pathologies: [],
      ciao: null,
      regress: { solver: null, challenger: null },
      master: { generations: 10, solver: side, challenger: side },
      probe: {
        label: 'fraction of all 2^16 inputs sorted',
        first: 0.5,
        last: 65512 / 65536,
        best: { generation: 9, score: 65512 / 65536, cost: 0.5, solver: null, summary: '61 comparators, depth 12' },
        lastQuarter: 0.99999,
      },
      valid: null,
      measures: [{ key: 'comparators', label: 'comparators', known: 60 }],
    } as unknown as RunAnalysis;
    const text = reportText(analysis, []);
    expect(text).not.toMatch(/1\.000/);
    expect(text).toContain('best 0.9996 at generation 9 (61 comparators, depth 12)');
    expect(text).toContain('best valid solver: none was valid');
  });
});
