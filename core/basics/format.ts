/**
 * Numbers in [0, 1] for people. Three decimals, except that a value that is
 * not exactly 1 (or 0) never prints as 1.000 (or 0.000): it gets as many
 * digits as it takes to show it is not, so 0.99963 reads 0.9996, not a
 * perfect score.
 */
export function formatFraction(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  for (let d = digits; d <= 17; d++) {
    const s = x.toFixed(d);
    const n = Number(s);
    if ((n !== 1 || x === 1) && (n !== 0 || x === 0)) return s;
  }
  return String(x);
}
