/**
 * The stream protocol: every message between the run (or a replay of one) and
 * a viewer, as zod schemas. This module is the single definition shared by the
 * server (core/stream) and the browser viewer (viewer/src), so the two cannot
 * drift apart. All messages are JSON objects with a `type` field.
 *
 * Server -> viewer, in order on every connection:
 *   hello      what is running (domain, config, backend, view kind, controls)
 *   history    catch-up: one compact point per generation so far (thinned
 *              evenly when the run is long), the recent CIAO rows and the
 *              pathology events
 *   generation the latest generation in full (when one exists), then the
 *              generations as they are played: at most one message per
 *              `HubLimits.batchMs` (200 ms), the newest generation with its
 *              picture and the ones played since the last message as `earlier`
 *              (point and CIAO row), so every generation reaches the charts
 * and at any time:
 *   state      paused / running / finished, pace, generation counter
 *   lagged     this viewer fell behind and missed generations; carries their
 *              points (or says a fresh `history` follows)
 *   notice     a line for the user (backend fallback, run restarted, ...)
 *   error      a rejected command; nothing changed
 *   snapshot   the answer to `seek` (replays only): one earlier generation
 *              as it was, to this viewer alone
 *
 * Viewer -> server: pause, resume, step, speed (live runs), seek (replays).
 * Anything else is answered with `error` and ignored.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 2;

/** The WebSocket path next to the viewer's pages. */
export const STREAM_PATH = '/ws';

const int = z.number().int();
const count = int.min(0);
const num = z.number();
const unit = z.number().min(0).max(1);

/** Any JSON value (individuals in their domain's human format, configs). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]),
);

export const ViewKindSchema = z.enum(['sorting-network', 'ca-spacetime', 'points']);

const SideSchema = z.object({ best: num, mean: num, diversity: num });

/** A pathology detector's event (core/measures/detectors.ts), as written into metrics.jsonl. */
export const PathologyEventSchema = z.object({
  kind: z.enum(['disengagement', 'cycling', 'focusing']),
  phase: z.enum(['start', 'end']),
  generation: count,
  since: int.min(-1),
  until: int.min(-1).nullable(),
  value: num,
  threshold: num,
  message: z.string(),
});
export type PathologyEventMessage = z.infer<typeof PathologyEventSchema>;

/** Arms-race measures of one generation: regress of each side's champion, dominance chain lengths. */
export const ArmsPointSchema = z.object({
  regress: z.object({ solver: num.nullable(), challenger: num.nullable() }),
  dominance: z.object({ solvers: count, challengers: count }),
});

/**
 * Sizes of one generation, for domains with a record hook (hello.run.records
 * names the measures): this generation's champion's measures and the best
 * valid solver's so far (with the generation it appeared), keyed by measure.
 */
export const RecordsPointSchema = z.object({
  champion: z.record(z.string(), num),
  valid: z.object({ generation: count }).catchall(num).nullable(),
});
export type RecordsPoint = z.infer<typeof RecordsPointSchema>;

/** One generation in a few numbers: what the time-series charts plot. */
export const PointSchema = z.object({
  generation: count,
  solvers: SideSchema,
  challengers: SideSchema,
  engagement: z.object({ mean: num, zeros: unit, ones: unit, disengaged: z.boolean() }),
  /** Mean CIAO outcomes of this generation's champions, null at generation 0. */
  ciao: z.object({ solver: num, challenger: num }).nullable(),
  /** Probe score (outside the loop), null in generations it did not run. */
  probe: num.nullable(),
  /** Null for runs recorded before the arms-race analysis existed. */
  arms: ArmsPointSchema.nullable().default(null),
  /** Pathologies that started or ended this generation. */
  events: z.array(PathologyEventSchema).default([]),
  /** Null for domains without a record hook, and for runs recorded before the records existed. */
  records: RecordsPointSchema.nullable().default(null),
  /** The probe's per-dimension values (its details.dimensions: number games), null when it has none or did not run. */
  probeDimensions: z.array(num).nullable().default(null),
});
export type Point = z.infer<typeof PointSchema>;

/**
 * The interaction matrix M[s][c], rows = solvers and columns = challengers,
 * each sorted by fitness (best first) and block-averaged down to at most
 * MATRIX_MAX_SIDE a side. `data` is base64 of rows x cols bytes, row-major:
 * 0..254 = value x 254 rounded, 255 = no game played in that block.
 */
export const MatrixSchema = z.object({
  rows: int.min(1).max(4096),
  cols: int.min(1).max(4096),
  solvers: int.min(1),
  challengers: int.min(1),
  data: z.string(),
});
export type MatrixImage = z.infer<typeof MatrixSchema>;
export const MATRIX_NOT_MET = 255;
export const MATRIX_LEVELS = 254;

export const CiaoRowSchema = z.object({
  generation: count,
  /** Earlier generations compared against (evenly spaced). */
  generations: z.array(count),
  /** Champion solver vs each earlier champion challenger (outcome in [0, 1]). */
  solver: z.array(num),
  /** Champion challenger vs each earlier champion solver (score in [0, 1]). */
  challenger: z.array(num),
});
export type CiaoRowMessage = z.infer<typeof CiaoRowSchema>;

/**
 * The live master tournament over the CIAO roster: each listed generation's
 * champion against every listed champion of the other side (earlier and later).
 */
export const MasterSchema = z.object({
  generations: z.array(count),
  solver: z.array(num),
  challenger: z.array(num),
});
export type MasterMessage = z.infer<typeof MasterSchema>;

export const ProbeSchema = z.object({ score: num, label: z.string(), details: z.record(z.string(), JsonSchema) });

/** One of the run's best-so-far records (best-valid.json, best-probed.json), for the pictures. */
export const RecordEntrySchema = z.object({
  generation: count,
  solver: JsonSchema,
  summary: z.string().nullable(),
  /** The probe score (best probed) or null (best valid). */
  score: num.nullable(),
});
export type RecordEntry = z.infer<typeof RecordEntrySchema>;

/** Everything about one generation beyond its point: what the pictures draw. */
export const DetailSchema = z.object({
  matrix: MatrixSchema,
  ciao: CiaoRowSchema.nullable(),
  probe: ProbeSchema.nullable(),
  best: z.object({ solver: JsonSchema, challenger: JsonSchema, summary: z.string().nullable() }),
  /** Some individuals of each side in the human format (for the 'points' view), else null. */
  samples: z.object({ solvers: z.array(JsonSchema), challengers: z.array(JsonSchema) }).nullable(),
  master: MasterSchema.nullable().default(null),
  /** The run's records after this generation; null in frames written before the records existed. */
  records: z.object({ valid: RecordEntrySchema.nullable(), probed: RecordEntrySchema.nullable() }).nullable().default(null),
});
export type Detail = z.infer<typeof DetailSchema>;

export const RunStatusSchema = z.enum(['starting', 'running', 'paused', 'finished', 'stopped', 'replay']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** Pace of the run in generations per second; 0 = as fast as it goes. */
export const SpeedSchema = z.number().min(0).max(1000);
export const MAX_STEP = 1000;

export const StateMessage = z.object({
  type: z.literal('state'),
  status: RunStatusSchema,
  /** Generations played so far. */
  generation: count,
  speed: SpeedSchema,
});

export const HelloMessage = z.object({
  type: z.literal('hello'),
  protocol: z.literal(PROTOCOL_VERSION),
  mode: z.enum(['live', 'replay']),
  run: z.object({
    domain: z.string(),
    title: z.string(),
    seed: z.string(),
    backend: z.string(),
    view: ViewKindSchema,
    /** Target generation count; 0 = until stopped. */
    generations: count,
    config: z.record(z.string(), JsonSchema),
    /** What the size chart plots (the domain's record hook), or null without one. */
    records: z
      .object({
        validity: z.string(),
        measures: z.array(z.object({ key: z.string(), label: z.string(), known: num.nullable() })),
      })
      .nullable()
      .default(null),
    /** A reference solver's score on this run's own probe (the domain's probeReference: GKL), drawn beside the probe; else null. */
    probeReference: z.object({ label: z.string(), score: num }).nullable().default(null),
  }),
  /** Generations played so far. */
  generation: count,
  /** Whether this connection may send pause/resume/step/speed. */
  control: z.boolean(),
  state: StateMessage.omit({ type: true }),
});
export type Hello = z.infer<typeof HelloMessage>;

export const HistoryMessage = z.object({
  type: z.literal('history'),
  /** Generations played; points may be thinned (every `stride`-th, plus the latest). */
  total: count,
  stride: int.min(1),
  points: z.array(PointSchema),
  ciao: z.array(CiaoRowSchema),
  /** The most recent pathology events (points may be thinned; events never are, up to a cap). */
  events: z.array(PathologyEventSchema).default([]),
});

/** A generation played since the last message, carried by the next one: what the charts and the CIAO plot need. */
export const EarlierSchema = z.object({ point: PointSchema, ciao: CiaoRowSchema.nullable() });
export type Earlier = z.infer<typeof EarlierSchema>;

/**
 * The newest generation (`point`, and its picture in `detail`), after the
 * generations played since the previous message, oldest first (`earlier`;
 * empty unless the run plays faster than one generation per batch interval).
 * `detail` is null only in replays, for generations whose frame was thinned
 * out of frames.jsonl.
 */
export const GenerationMessage = z.object({
  type: z.literal('generation'),
  point: PointSchema,
  earlier: z.array(EarlierSchema).default([]),
  detail: DetailSchema.nullable(),
});
export type Generation = z.infer<typeof GenerationMessage>;

/** Every generation a message carries, oldest first: the earlier ones, then the newest (whose CIAO row is in its picture). */
export function carried(m: Generation): Earlier[] {
  return [...m.earlier, { point: m.point, ciao: m.detail?.ciao ?? null }];
}

export const LaggedMessage = z.object({
  type: z.literal('lagged'),
  /** Generation messages this viewer did not get because it read too slowly. */
  dropped: count,
  /** Points of the missed generations, so the charts stay complete. */
  points: z.array(PointSchema),
  /** Too much was missed to list: a fresh `history` follows. */
  resync: z.boolean(),
});

export const NoticeMessage = z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning']), message: z.string() });

/**
 * The answer to `seek`: generation `generation` as the run's files keep it.
 * `point` is that generation's own (metrics.jsonl has every generation);
 * `detail` is the picture of the nearest kept generation at or before it
 * (`detailGeneration`; frames.jsonl thins long runs), null when none is kept;
 * `champions` are g's own.
 */
export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  generation: count,
  point: PointSchema,
  detail: DetailSchema.nullable(),
  detailGeneration: count.nullable(),
  /**
   * Generation g's own champions from champions.bin (every generation has a
   * record), in the domain's human format: exact where `detail` is from an
   * earlier generation. Null when the file lacks the record.
   */
  champions: z.object({ solver: JsonSchema, challenger: JsonSchema, summary: z.string().nullable() }).nullable().default(null),
});
export type Snapshot = z.infer<typeof SnapshotMessage>;

export const ErrorMessage = z.object({
  type: z.literal('error'),
  /** Machine-readable reason: bad-message, forbidden, rate-limited, unavailable. */
  code: z.enum(['bad-message', 'forbidden', 'rate-limited', 'unavailable']),
  message: z.string(),
});

export const ServerMessageSchema = z.discriminatedUnion('type', [
  HelloMessage,
  HistoryMessage,
  GenerationMessage,
  StateMessage,
  LaggedMessage,
  NoticeMessage,
  SnapshotMessage,
  ErrorMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('step'), count: int.min(1).max(MAX_STEP).optional() }),
  z.strictObject({ type: z.literal('speed'), generationsPerSecond: SpeedSchema }),
  /** Replays only: send this viewer generation g as it was (a `snapshot`); the others see nothing. */
  z.strictObject({ type: z.literal('seek'), generation: count }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/**
 * Parse one client frame. Never throws: hostile input comes back as a short
 * reason (naming the field) for the `error` reply.
 */
export function parseClientMessage(text: string): { ok: true; message: ClientMessage } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON; send {"type": "pause" | "resume" | "step" | "speed" | "seek", ...}' };
  }
  const parsed = ClientMessageSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  // An extra field has no path of its own: name the field itself, not "type".
  const extra = issue?.code === 'unrecognized_keys' ? issue.keys.join('", "') : '';
  const path = extra || issue?.path.map(String).join('.') || 'type';
  return { ok: false, reason: `field "${path}": ${issue?.message ?? 'invalid'}` };
}

/** Parse one server frame (the viewer's side). */
export function parseServerMessage(text: string): ServerMessage | null {
  try {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
