/**
 * The roster: the champion generations that CIAO rows and the live master
 * tournament compare against, with the raw outcome of every roster solver
 * against every roster challenger.
 *
 * Every generation joins while the roster holds fewer than `max`; past that
 * the stride doubles and the members that are not multiples of it leave. So
 * the roster always spans the whole run evenly with between max/2 and max
 * members, and a member stays until the stride passes it by: successive CIAO
 * rows meet the same ancestors (stable columns, which the regress measure
 * needs), and the cost per generation stays bounded by 2 x max games.
 * A doubling does halve, at once, the opponents each side's regress is
 * measured over; the cycling detector (detectors.ts) keeps that from ending
 * an episode by itself.
 *
 * Each matrix entry is played once, when the later of its two champions
 * joins: that generation's CIAO row already holds its games against every
 * earlier member, so joining costs one extra game (the new solver against the
 * new challenger).
 */

export interface Roster {
  /** Most members kept (the run's ciaoSamples). */
  readonly max: number;
  /** Only generations that are multiples of the stride are (or stay) members. */
  readonly stride: number;
  /** Member generations, ascending. */
  readonly generations: readonly number[];
  /** raw[i * n + j]: raw outcome of member i's champion solver against member j's champion challenger. */
  readonly raw: Float64Array;
  /**
   * For the regress measure: the first generation after member i whose
   * champion solver beat member i's champion challenger (-1: none yet), and
   * the first whose champion challenger beat member i's champion solver.
   */
  readonly challengerBeatenAt: Int32Array;
  readonly solverBeatenAt: Int32Array;
}

export function emptyRoster(max: number): Roster {
  return {
    max,
    stride: 1,
    generations: [],
    raw: new Float64Array(0),
    challengerBeatenAt: new Int32Array(0),
    solverBeatenAt: new Int32Array(0),
  };
}

/** Does generation g join the roster when it is played? */
export function joinsRoster(roster: Roster, g: number): boolean {
  return g % roster.stride === 0;
}

/** Keep the members at the given indices (ascending), with their matrix block. */
function keep(roster: Roster, idx: readonly number[], stride: number): Roster {
  const n = roster.generations.length;
  const m = idx.length;
  const raw = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) raw[a * m + b] = roster.raw[idx[a]! * n + idx[b]!]!;
  return {
    max: roster.max,
    stride,
    generations: idx.map((i) => roster.generations[i]!),
    raw,
    challengerBeatenAt: Int32Array.from(idx, (i) => roster.challengerBeatenAt[i]!),
    solverBeatenAt: Int32Array.from(idx, (i) => roster.solverBeatenAt[i]!),
  };
}

/**
 * Add generation g (which must join and be newer than every member).
 * `solverRaw[k]`: g's solver against member k's challenger; `challengerRaw[k]`:
 * member k's solver against g's challenger; `selfRaw`: g's solver against g's
 * challenger. Thins the roster (doubling the stride) when it overflows.
 */
export function addToRoster(
  roster: Roster,
  g: number,
  solverRaw: ArrayLike<number>,
  challengerRaw: ArrayLike<number>,
  selfRaw: number,
): Roster {
  const n = roster.generations.length;
  if (!joinsRoster(roster, g) || (n > 0 && roster.generations[n - 1]! >= g)) {
    throw new Error(`generation ${g} cannot join a roster with stride ${roster.stride} ending at ${roster.generations[n - 1]}`);
  }
  if (solverRaw.length !== n || challengerRaw.length !== n) throw new Error('roster row and column must match its size');
  const m = n + 1;
  const raw = new Float64Array(m * m);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) raw[a * m + b] = roster.raw[a * n + b]!;
  for (let k = 0; k < n; k++) {
    raw[n * m + k] = solverRaw[k]!;
    raw[k * m + n] = challengerRaw[k]!;
  }
  raw[n * m + n] = selfRaw;
  const challengerBeatenAt = new Int32Array(m);
  challengerBeatenAt.set(roster.challengerBeatenAt);
  challengerBeatenAt[n] = -1;
  const solverBeatenAt = new Int32Array(m);
  solverBeatenAt.set(roster.solverBeatenAt);
  solverBeatenAt[n] = -1;
  let grown: Roster = { max: roster.max, stride: roster.stride, generations: [...roster.generations, g], raw, challengerBeatenAt, solverBeatenAt };
  while (grown.generations.length > grown.max) {
    const stride = grown.stride * 2;
    const idx = grown.generations.flatMap((gen, i) => (gen % stride === 0 ? [i] : []));
    grown = keep(grown, idx, stride);
  }
  return grown;
}

/** Raw outcome of member i's solver against member j's challenger. */
export function rosterRaw(roster: Roster, i: number, j: number): number {
  return roster.raw[i * roster.generations.length + j]!;
}
