/**
 * What "beat" means for continuous outcomes, everywhere in the arms-race
 * analysis (dominance tournament, regress, master tournament win counts):
 * an outcome M in [0, 1] is a win for the solver when M > 1/2, a win for the
 * challenger when M < 1/2, and a draw (a win for neither) when M = 1/2.
 * Compared on the domain's raw integers (2 x raw against rawScale), so the
 * verdict is exact on every backend.
 */

export function solverBeats(raw: number, rawScale: number): boolean {
  return 2 * raw > rawScale;
}

export function challengerBeats(raw: number, rawScale: number): boolean {
  return 2 * raw < rawScale;
}
