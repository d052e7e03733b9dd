/**
 * Where to draw each of many points that may coincide: a converged
 * number-game population is 64 copies of a handful of points, which drawn
 * as they are look like two dots. Points that fall on the same spot (the
 * same square of `cell` pixels: a dot's width, so dots that would overlap) are laid out on a sunflower spiral around it (golden-angle
 * steps, radius growing with the square root of the rank), so a spot's area
 * grows with the number of players on it: a density you can read, with no
 * point moved further than its crowd needs.
 */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function spreadCoincident(points: ReadonlyArray<readonly [number, number]>, cell: number, step: number): Array<[number, number]> {
  const seen = new Map<string, number>();
  return points.map(([x, y]) => {
    const key = `${Math.round(x / cell)},${Math.round(y / cell)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    if (k === 0) return [x, y];
    const r = step * Math.sqrt(k);
    return [x + r * Math.cos(k * GOLDEN_ANGLE), y + r * Math.sin(k * GOLDEN_ANGLE)];
  });
}
