/**
 * The challenger difficulty hook (core/remedies/difficulty.ts) for initial
 * configurations. What makes an IC hard is how close its density is to 1/2,
 * so difficulty d in [0, 1] sets that distance: a new IC's density must lie
 * between t - 0.1 and t away from 1/2, t = (1 - d) / 2. d = 1: as close to
 * 1/2 as the lattice allows ((N - 1) / 2 or (N + 1) / 2 ones), the hardest;
 * d = 0: at most 10% or at least 90% ones, which a local vote classifies;
 * d = 0.5: 15% to 25% away from 1/2. An IC outside its band has random cells
 * flipped, toward its majority (further from 1/2) or toward its minority
 * (closer), never across 1/2: its majority, so its right answer, stays.
 */
import type { ChallengerDifficulty } from '../../core/index.ts';
import { countOnes } from './configuration.ts';

export const BAND = 0.1;

export function densityDifficulty(size: number): ChallengerDifficulty {
  return {
    description: "distance of an IC's density from 1/2 between (1 - d) / 2 - 0.1 and (1 - d) / 2 (d = 1: nearest 1/2, hardest; d = 0: <= 10% or >= 90% ones)",
    apply(ic, d, rng) {
      const t = (1 - Math.min(1, Math.max(0, d))) / 2;
      // At least one cell's worth from 1/2 is always allowed (an odd lattice cannot be nearer).
      const hi = Math.max(t, 1 / size);
      const lo = Math.min(Math.max(0, t - BAND), hi);
      let ones = countOnes(ic);
      // The side of 1/2 the IC is on (an odd lattice has no exact half; an even one picks by the rng).
      const side = 2 * ones > size ? 1 : 2 * ones < size ? 0 : rng.chance(0.5) ? 1 : 0;
      const distance = () => Math.abs(ones / size - 0.5);
      for (let tries = 0; tries < 64 * size; tries++) {
        const x = distance();
        // Too close to 1/2: flip a minority cell to the majority; too far: the reverse.
        const to = x < lo ? side : x > hi ? 1 - side : -1;
        if (to < 0) break;
        const i = rng.int(size);
        if (ic[i] !== to) {
          ic[i] = to;
          ones += to === 1 ? 1 : -1;
        }
      }
    },
  };
}
