/** The progress plot: regress smoothed over 25 generations (raw on request), and a lane per pathology, each in the legend. */
import { describe, expect, it } from 'vitest';
import type { AnalysisData } from '../../../core/analyze/analyze.ts';
import { progressSpec, REGRESS_WINDOW } from '../../../core/analyze/progress-plot.ts';
import { movingMean } from '../../../core/basics/moving-mean.ts';
import { renderSvg } from '../../../core/analyze/render.ts';
import type { GenerationMetrics } from '../../../core/engine/metrics.ts';
import { PATHOLOGIES } from '../../../core/measures/detectors.ts';

describe('trailing mean', () => {
  it('averages the measured values of the last `window` generations, skipping nulls', () => {
    // Generations 0, 1, 2, ... as analyze passes them.
    expect(movingMean([0, 1, 2, 3], [1, 0, 1, 0], 2)).toEqual([1, 0.5, 0.5, 0.5]);
    expect(movingMean([0, 1, 2, 3, 4, 5], [null, 1, null, 0, null, null], 2)).toEqual([null, 1, 1, 0, 0, null]);
    expect(movingMean([], [], 25)).toEqual([]);
  });
});

/** A run whose regress flips 0 <-> 1 every generation, with two overlapping episodes. */
function data(): AnalysisData {
  const metrics = Array.from({ length: 100 }, (_, g) => ({
    generation: g,
    ciao: { solver: 0.6, challenger: 0.4, samples: 10 },
    regress: { solver: g % 2, challenger: null },
    probe: null,
  })) as unknown as GenerationMetrics[];
  const episode = (kind: (typeof PATHOLOGIES)[number], since: number, until: number | null) => ({ kind, since, until, detectedAt: since + 9, message: kind });
  return {
    analysis: { domain: 'toy', seed: '1', generations: 100, pathologies: [episode('cycling', 10, 60), episode('lopsided', 30, null)] },
    metrics,
  } as unknown as AnalysisData;
}

type Layer = { data: { values: Array<Record<string, unknown>> }; encoding: Record<string, { scale?: { domain?: unknown[]; range?: unknown[] } }> };

describe('progress plot', () => {
  it('draws regress as a 25-generation mean: no barcode', () => {
    const [lines] = (progressSpec(data()) as unknown as { vconcat: Layer[] }).vconcat;
    const regress = lines!.data.values.filter((r) => r.series === `regress solver (mean of ${REGRESS_WINDOW} gen.)`).map((r) => r.y as number);
    expect(regress).toHaveLength(100);
    // Raw it alternates 0, 1, 0, 1; the mean settles at 1/2 once the window is full.
    for (const y of regress.slice(REGRESS_WINDOW)) expect(Math.abs(y - 0.5)).toBeLessThanOrEqual(0.5 / REGRESS_WINDOW + 1e-12);
    expect(lines!.data.values.some((r) => String(r.series).includes('raw'))).toBe(false);
    const [withRaw] = (progressSpec(data(), { rawRegress: true }) as unknown as { vconcat: Layer[] }).vconcat;
    expect(withRaw!.data.values.filter((r) => r.series === 'regress solver (raw)').map((r) => r.y)).toEqual(Array.from({ length: 100 }, (_, g) => g % 2));
  });

  it('puts each pathology in its own lane and colour, all of them in the legend', async () => {
    const spec = progressSpec(data());
    const lanes = (spec as unknown as { vconcat: Layer[] }).vconcat[1]!;
    expect(lanes.encoding.y!.scale!.domain).toEqual([...PATHOLOGIES]);
    expect(lanes.encoding.color!.scale!.domain).toEqual([...PATHOLOGIES]);
    expect(new Set(lanes.encoding.color!.scale!.range).size).toBe(PATHOLOGIES.length);
    // Overlapping episodes (30-60) sit in different lanes, opaque: nothing blends.
    expect(lanes.data.values).toEqual([
      { from: 10, to: 61, kind: 'cycling' },
      { from: 30, to: 100, kind: 'lopsided' },
    ]);
    const svg = await renderSvg(spec);
    for (const kind of PATHOLOGIES) expect(svg.split(`>${kind}<`).length - 1, kind).toBe(2); // lane label and legend entry
  });
});
