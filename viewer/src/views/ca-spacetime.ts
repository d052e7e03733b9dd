/**
 * Space-time diagram of the champion rule: time runs down, cells across. The
 * initial configuration is the champion challenger's when its format carries
 * one, else a fixed random one; the caption says whether the rule classified
 * it correctly (all cells settle on the initial majority).
 */
import type { Detail } from '../../../core/stream/protocol.ts';
import {
  classifiedCorrectly,
  DEFAULT_CELLS,
  findConfiguration,
  findRuleHex,
  randomConfiguration,
  ruleTable,
  spaceTime,
} from './ca-rule.ts';

const MAX_STEPS = 320;

export function drawCaSpaceTime(ctx: CanvasRenderingContext2D, w: number, h: number, detail: Detail): string {
  const hex = findRuleHex(detail.best.solver);
  const table = hex ? ruleTable(hex) : null;
  if (!hex || !table) return 'the champion carries no 32-digit rule';
  const fromChallenger = findConfiguration(detail.best.challenger);
  const initial = fromChallenger ?? randomConfiguration(DEFAULT_CELLS, 1);
  const n = initial.length;
  const played = spaceTime(table, initial, MAX_STEPS);
  const settled = played.length - 1;
  // At least a square diagram: once the lattice is fixed its state simply continues down.
  const rows = [...played];
  while (rows.length < n) rows.push(played[played.length - 1]!);
  const image = new ImageData(n, rows.length);
  rows.forEach((row, t) => {
    for (let i = 0; i < n; i++) {
      const at = (t * n + i) * 4;
      const v = row[i] ? 30 : 250;
      image.data[at] = v;
      image.data[at + 1] = v;
      image.data[at + 2] = row[i] ? 60 : 245;
      image.data[at + 3] = 255;
    }
  });
  const off = document.createElement('canvas');
  off.width = n;
  off.height = rows.length;
  off.getContext('2d')!.putImageData(image, 0, 0);
  // Square cells, as large as fit, centred: a stretched diagram would distort the particles' slopes.
  const cell = Math.min(w / n, h / rows.length);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, (w - n * cell) / 2, 0, n * cell, rows.length * cell);
  const ok = classifiedCorrectly(initial, rows[rows.length - 1]!);
  const ones = initial.reduce((s, x) => s + x, 0);
  return `rule ${hex.toUpperCase()} · ${fromChallenger ? "champion challenger's" : 'a random'} IC (${ones}/${n} ones) · ${
    ok ? 'classified correctly' : 'misclassified'
  } after ${settled} steps`;
}
