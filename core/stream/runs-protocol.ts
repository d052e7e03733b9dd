/**
 * The runs overview (`redqueen serve RUNS_DIR`): what `GET /api/runs` answers,
 * as zod schemas shared by the server (core/stream/runs-dir.ts) and the
 * overview page (viewer/src/overview.ts), like the stream's protocol.ts.
 */
import { z } from 'zod';

/** The overview's JSON endpoint, next to the pages. */
export const RUNS_API_PATH = '/api/runs';
/** The query parameter that names one run of the folder, on the viewer page and on the stream (`/ws?run=NAME`). */
export const RUN_PARAM = 'run';
/** Most points per curve in the overview: thinned evenly (and always the last), enough for a chart a screen wide. */
export const MAX_CURVE_POINTS = 1000;

const count = z.number().int().min(0);
const nullableNumbers = z.array(z.number().nullable());

/** One run's curves, one entry per kept generation (`x`). */
export const CurvesSchema = z.object({
  x: z.array(count),
  probe: nullableNumbers,
  ciaoSolver: nullableNumbers,
  ciaoChallenger: nullableNumbers,
  solverBest: z.array(z.number()),
  challengerBest: z.array(z.number()),
});
export type Curves = z.infer<typeof CurvesSchema>;

export const RunSummarySchema = z.object({
  /** The subdirectory's name: how the overview and the stream name the run. */
  name: z.string(),
  domain: z.string(),
  title: z.string(),
  seed: z.string(),
  /**
   * Runs with the same config apart from seed and generations share a setup
   * ("A", "B", ... in order of first appearance): seeds of one setup are compared,
   * or setups side by side.
   */
  setup: z.string(),
  /** The config fields this run's setup sets differently from the first setup, "key=value" each (empty for the first). */
  differs: z.array(z.string()),
  /** Target generations; 0 = until stopped. */
  target: count,
  /** Generations played (metrics.jsonl lines). */
  generations: count,
  /** running: a writer holds the directory now; finished: it reached its target; stopped: neither. */
  state: z.enum(['running', 'finished', 'stopped']),
  /** Best probe score of the run and its generation, null without a probe. */
  bestProbe: z.object({ score: z.number(), generation: count }).nullable(),
  curves: CurvesSchema,
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunsOverviewSchema = z.object({
  /** The folder as given on the command line. */
  dir: z.string(),
  runs: z.array(RunSummarySchema),
  /** Subdirectories with a run.json that could not be read, with the reason (shown, not fatal). */
  unreadable: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type RunsOverview = z.infer<typeof RunsOverviewSchema>;
