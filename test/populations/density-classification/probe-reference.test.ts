/**
 * The probe reference (GKL on the run's own probe ICs): the very number the
 * probe gives GKL, a standard accuracy near GKL's published 81.6% at 149
 * cells, and another number for another probe seed (other ICs).
 */
import { describe, expect, it } from 'vitest';
import { densityClassification } from '../../../populations/density-classification/index.ts';
import { standardAccuracy } from '../../../populations/density-classification/accuracy.ts';
import { hexToRule } from '../../../populations/density-classification/rule.ts';
import { resolveConfig } from '../../../core/run/config.ts';
import { probeSeed } from '../../../core/engine/step.ts';

const GKL = '005F005F005F005F005FFF5F005FFF5F';

describe('density classification probe reference', () => {
  it("is GKL's standard accuracy on the run's probe ICs", () => {
    const { instance } = resolveConfig(densityClassification, [{ source: 'test', config: { seed: 'dc7' } }]);
    const seed = probeSeed('dc7');
    const ref = instance.probeReference!(seed);
    expect(ref.label).toBe('GKL');
    const direct = standardAccuracy(hexToRule(GKL, 'GKL'), { size: 149, steps: 320, ics: 10_000, seed });
    expect(ref.score).toBe(direct.accuracy);
    expect(ref.score).toBeGreaterThan(0.8);
    expect(ref.score).toBeLessThan(0.83);
    expect(instance.probeReference!(probeSeed('other'))).not.toEqual(ref);
  });
});
