import { describe, expect, it } from 'vitest';
import { lineChart, renderSvg, svgToPng } from '../../../core/analyze/render.ts';

describe('plot rendering', () => {
  const spec = lineChart({
    title: 'throughput',
    x: 'population',
    y: 'interactions/s',
    logX: true,
    points: [
      { x: 64, y: 10, series: 'webasm' },
      { x: 256, y: 40, series: 'webasm' },
      { x: 64, y: 2, series: 'reference' },
      { x: 256, y: 3, series: 'reference' },
    ],
  });

  it('renders a line chart to SVG with its title, axes and both series', async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['throughput', 'population', 'interactions/s', 'webasm', 'reference']) expect(svg).toContain(text);
    // One path per series.
    expect(svg.match(/aria-roledescription="line mark"/g)?.length).toBe(2);
  });

  it('rasterises the SVG to a PNG that is not blank', async () => {
    const png = svgToPng(await renderSvg(spec), 1);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    expect(width).toBeGreaterThan(500);
    expect(png.length).toBeGreaterThan(5000); // a white image compresses to a few hundred bytes
  });
});
