/** Bounds on the domain's options, shared by the run options and the eval flags. */
/** At least the 7-cell neighbourhood, so a cell never sees itself twice. */
export const MIN_SIZE = 7;
/** The kernels hold the lattice in generated scalar code: keep the source a sane size. */
export const MAX_SIZE = 1025;
export const MAX_STEPS = 100_000;
