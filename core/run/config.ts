/**
 * Run configuration: one schema for config files and CLI flags (flags win over
 * the file, the file over the domain's defaults, those over the engine's).
 * Unknown fields and out-of-range values are rejected with the field's path
 * and the allowed range, before anything is written.
 */
import { z } from 'zod';
import { BACKEND_CHOICES } from '../domain/backend-names.ts';
import { DEFAULT_BREEDING } from '../engine/breed.ts';
import { DEFAULT_EVALUATION, EVALUATION_MODES } from '../engine/interactions.ts';
import type { EngineSettings } from '../engine/settings.ts';
import { DEFAULT_HALL_OF_FAME } from '../measures/champions.ts';
import { DEFAULT_DETECTORS } from '../measures/detectors.ts';
import { REMEDIES, REMEDY_DEFAULTS, type RemedySettings } from '../remedies/index.ts';
import type { Domain, DomainInstance } from '../domain/domain.ts';
import { UserError } from '../basics/errors.ts';
import { gridFits, gridShape, SELECTION_SCHEMES } from '../engine/grid.ts';
import { kebab } from '../basics/names.ts';
import type { JsonObject } from '../basics/json.ts';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const unit = z.number().min(0).max(1);

/** A remedy's settings as a config file may give them: any part of them. */
type Partial2<T> = T extends object ? { readonly [K in keyof T]?: Partial2<T[K]> } : T;
type RemedyFileFields = { readonly [K in keyof RemedySettings]?: Partial2<RemedySettings[K]> };

/**
 * Each remedy's config-file schema under its key. Typed as no fields here:
 * zod cannot infer a shape built from a list, so ConfigFile adds their types
 * from RemedySettings below.
 */
const remedyFields = Object.fromEntries(REMEDIES.map((r) => [r.key, r.schema.optional()])) as Record<never, never>;

const BaseSchema = z.strictObject({
  domain: z.string().optional(),
  options: z.record(z.string(), z.unknown()).optional().describe('domain options, e.g. {"inputs": 8}'),
  seed: z.union([z.string().regex(/\S/, 'the seed must not be empty'), z.number()]).optional(),
  generations: int(0, 100_000_000).optional().describe('generations to play; 0 = until stopped'),
  population: int(2, 65_536).optional().describe('size of both populations, as --population'),
  solvers: int(2, 65_536).optional(),
  challengers: int(2, 65_536).optional(),
  backend: z.enum(BACKEND_CHOICES).optional(),
  evaluation: z
    .strictObject({
      mode: z.enum(EVALUATION_MODES).optional(),
      opponents: int(1, 65_536).optional().describe('opponents per individual in sampled mode'),
    })
    .optional(),
  hallOfFame: z
    .strictObject({ sample: int(0, 4096).optional().describe('past champions met as extra opponents each generation') })
    .optional(),
  selection: z
    .strictObject({
      tournamentSize: int(1, 64).optional(),
      elitism: int(0, 65_536).optional(),
      scheme: z.enum(SELECTION_SCHEMES).optional().describe('"tournament" over the population, or "grid": local selection on a toroidal grid'),
      radius: int(1, 64).optional().describe('neighbourhood radius of the grid scheme (cells each way)'),
    })
    .optional(),
  variation: z
    .strictObject({ crossoverRate: z.number().min(0).max(1).optional(), mutationRate: z.number().min(0).max(1).optional() })
    .optional(),
  checkpointEvery: int(1, 1_000_000).optional(),
  probeEvery: int(1, 1_000_000).optional(),
  ciaoSamples: int(1, 1024)
    .optional()
    .describe('most earlier champion generations a CIAO row and the live master tournament compare against'),
  detectors: z
    .strictObject({
      disengagement: z.strictObject({ share: unit.optional(), generations: int(1, 1_000_000).optional() }).optional(),
      cycling: z
        .strictObject({ regress: unit.optional(), opponents: int(1, 1024).optional(), generations: int(1, 1_000_000).optional() })
        .optional(),
      focusing: z.strictObject({ imbalance: z.number().min(0).max(2).optional(), generations: int(1, 1_000_000).optional() }).optional(),
      lopsided: z.strictObject({ share: unit.optional(), generations: int(1, 1_000_000).optional() }).optional(),
    })
    .optional(),
});
/** What a config file may hold; every field optional. The remedies' fields sit between ciaoSamples and detectors. */
export const ConfigFileSchema = z.strictObject({ ...withoutDetectors(BaseSchema.shape), ...remedyFields, detectors: BaseSchema.shape.detectors });
export type ConfigFile = z.infer<typeof BaseSchema> & RemedyFileFields;

function withoutDetectors<T extends { detectors: unknown }>(shape: T): Omit<T, 'detectors'> {
  const { detectors: _, ...rest } = shape;
  return rest;
}

/** A fully resolved configuration, as stored in run.json and checkpoints: the engine's settings and the run's own. */
export interface RunConfig extends EngineSettings {
  /** Resolved: the scheme and radius are always set. */
  readonly selection: Required<EngineSettings['selection']>;
  readonly domain: string;
  readonly options: JsonObject;
  /** Generations to play; 0 = until stopped. */
  readonly generations: number;
  readonly backend: (typeof BACKEND_CHOICES)[number];
  readonly checkpointEvery: number;
}

/** Each part's defaults, composed (a domain may change the population sizes and generations). */
export const ENGINE_DEFAULTS = {
  seed: '1',
  generations: 300,
  solvers: 128,
  challengers: 64,
  backend: 'auto',
  evaluation: DEFAULT_EVALUATION,
  hallOfFame: DEFAULT_HALL_OF_FAME,
  ...DEFAULT_BREEDING,
  checkpointEvery: 1,
  ciaoSamples: 64,
  ...REMEDY_DEFAULTS,
  detectors: DEFAULT_DETECTORS,
} as const;

/**
 * Settings from layers over defaults, field by field (later layers win):
 * plain objects merge key by key in the defaults' order, anything else is
 * replaced whole. How each remedy's settings are resolved.
 */
function mergeSettings(defaults: unknown, values: readonly unknown[]): unknown {
  const given = values.filter((v) => v !== undefined);
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(defaults)) return given.length ? given[given.length - 1] : defaults;
  return Object.fromEntries(
    Object.keys(defaults).map((k) => [k, mergeSettings(defaults[k], given.filter(isObject).map((v) => v[k]))]),
  );
}

/** A layer's size of one side: its own field, else its "population". */
function populationOf(c: ConfigFile, side: 'solvers' | 'challengers'): number | undefined {
  return c[side] ?? c.population;
}

/** The source name of the layer built from flags (errors then name the flag). */
export const COMMAND_LINE = 'command line';

export function formatIssues(error: z.ZodError, source: string): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? ` in "${path}"` : '';
    return `${source}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}; remove it or check the spelling`;
  }
  return `${source}: field "${path || '(root)'}": ${issue.message}`;
}

/**
 * A bad domain option, named where the user gave it: `--inputs: ...` when the
 * flag set it (the last layer wins, so that is the one to fix), else the file.
 */
function optionError(
  error: z.ZodError,
  domain: string,
  layers: ReadonlyArray<{ readonly source: string; readonly config: ConfigFile }>,
): string {
  const issue = error.issues[0]!;
  const first = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
  const key = typeof first === 'string' ? first : undefined;
  const from = key === undefined ? undefined : layers.findLast((l) => l.config.options?.[key] !== undefined);
  // Flags only ever set known options, so an unknown one always came from a file.
  if (from?.source === COMMAND_LINE && key !== undefined) {
    return `--${kebab(key)}: ${issue.message} (an option of ${domain}; \`redqueen domains\` lists them)`;
  }
  const source = from?.source ?? (layers.map((l) => l.source).join(' / ') || 'options');
  return formatIssues(error, `${source} (options of ${domain})`).replace('field "', 'option "');
}

/** Grid selection needs grids at least 2r+1 cells each way; a radius without the grid scheme is a mistake. */
function checkGrid(config: RunConfig): void {
  const { scheme, radius } = config.selection;
  if (scheme !== 'grid') {
    // A resolved config (run.json, a checkpoint) holds the default radius whatever the scheme; only another one is a mistake.
    if (radius !== DEFAULT_BREEDING.selection.radius) {
      throw new UserError('field "selection.radius": applies only to selection.scheme "grid"; remove it or set the scheme');
    }
    return;
  }
  for (const [side, size] of [
    ['solvers', config.solvers],
    ['challengers', config.challengers],
  ] as const) {
    if (!gridFits(size, radius)) {
      const { width, height } = gridShape(size);
      throw new UserError(
        `field "selection.radius": radius ${radius} needs grids at least ${2 * radius + 1} cells each way, but ${size} ${side} make a ${width} x ${height} grid; lower the radius or use a population size with a squarer grid (e.g. ${(2 * radius + 1) ** 2})`,
      );
    }
  }
}

export function parseConfigFile(value: unknown, source: string): ConfigFile {
  const result = ConfigFileSchema.safeParse(value);
  if (!result.success) throw new UserError(formatIssues(result.error, source));
  return result.data;
}

/** Merge layers (later wins) into a resolved config; validate domain options and cross-field limits. */
export function resolveConfig(
  domain: Domain,
  layers: ReadonlyArray<{ readonly source: string; readonly config: ConfigFile }>,
): { config: RunConfig; instance: DomainInstance } {
  const pick = <T>(get: (c: ConfigFile) => T | undefined, fallback: T): T => {
    let v = fallback;
    for (const layer of layers) {
      const x = get(layer.config);
      if (x !== undefined) v = x;
    }
    return v;
  };
  // A file's "population" sets both sizes; a size the same file also gives must agree with it.
  for (const { source, config } of layers) {
    for (const side of ['solvers', 'challengers'] as const) {
      const size = config[side];
      if (config.population !== undefined && size !== undefined && size !== config.population) {
        throw new UserError(`${source}: fields "population" (${config.population}) and "${side}" (${size}) disagree; give one of them`);
      }
    }
  }
  const rawOptions: Record<string, unknown> = {};
  for (const layer of layers) Object.assign(rawOptions, layer.config.options ?? {});
  const parsed = domain.options.safeParse(rawOptions);
  if (!parsed.success) throw new UserError(optionError(parsed.error, domain.name, layers));
  const instance = domain.create(parsed.data);
  const d = ENGINE_DEFAULTS;
  const config: RunConfig = {
    domain: domain.name,
    options: instance.options,
    seed: String(pick((c) => c.seed, d.seed)),
    generations: pick((c) => c.generations, domain.defaults?.generations ?? d.generations),
    solvers: pick((c) => populationOf(c, 'solvers'), domain.defaults?.solvers ?? d.solvers),
    challengers: pick((c) => populationOf(c, 'challengers'), domain.defaults?.challengers ?? d.challengers),
    backend: pick((c) => c.backend, d.backend),
    evaluation: {
      mode: pick((c) => c.evaluation?.mode, d.evaluation.mode),
      opponents: pick((c) => c.evaluation?.opponents, d.evaluation.opponents),
    },
    hallOfFame: { sample: pick((c) => c.hallOfFame?.sample, d.hallOfFame.sample) },
    selection: {
      tournamentSize: pick((c) => c.selection?.tournamentSize, d.selection.tournamentSize),
      elitism: pick((c) => c.selection?.elitism, d.selection.elitism),
      scheme: pick((c) => c.selection?.scheme, d.selection.scheme),
      radius: pick((c) => c.selection?.radius, d.selection.radius),
    },
    variation: {
      crossoverRate: pick((c) => c.variation?.crossoverRate, d.variation.crossoverRate),
      mutationRate: pick((c) => c.variation?.mutationRate, d.variation.mutationRate),
    },
    checkpointEvery: pick((c) => c.checkpointEvery, d.checkpointEvery),
    probeEvery: pick((c) => c.probeEvery, instance.probeEvery ?? 1),
    ciaoSamples: pick((c) => c.ciaoSamples, d.ciaoSamples),
    ...(Object.fromEntries(
      REMEDIES.map((r) => [r.key, mergeSettings(r.defaults, layers.map((l) => (l.config as Record<string, unknown>)[r.key]))]),
    ) as unknown as RemedySettings),
    detectors: {
      disengagement: {
        share: pick((c) => c.detectors?.disengagement?.share, d.detectors.disengagement.share),
        generations: pick((c) => c.detectors?.disengagement?.generations, d.detectors.disengagement.generations),
      },
      cycling: {
        regress: pick((c) => c.detectors?.cycling?.regress, d.detectors.cycling.regress),
        opponents: pick((c) => c.detectors?.cycling?.opponents, d.detectors.cycling.opponents),
        generations: pick((c) => c.detectors?.cycling?.generations, d.detectors.cycling.generations),
      },
      focusing: {
        imbalance: pick((c) => c.detectors?.focusing?.imbalance, d.detectors.focusing.imbalance),
        generations: pick((c) => c.detectors?.focusing?.generations, d.detectors.focusing.generations),
      },
      lopsided: {
        share: pick((c) => c.detectors?.lopsided?.share, d.detectors.lopsided.share),
        generations: pick((c) => c.detectors?.lopsided?.generations, d.detectors.lopsided.generations),
      },
    },
  };
  const smallest = Math.min(config.solvers, config.challengers);
  if (config.selection.elitism >= smallest) {
    throw new UserError(
      `field "selection.elitism": ${config.selection.elitism} elites must be fewer than the smaller population (${smallest})`,
    );
  }
  checkGrid(config);
  if (config.evaluation.mode === 'sampled' && config.evaluation.opponents > config.challengers) {
    throw new UserError(
      `field "evaluation.opponents": ${config.evaluation.opponents} opponents exceed the ${config.challengers} challengers; lower it or use round-robin`,
    );
  }
  for (const r of REMEDIES) {
    const refused = r.check?.((config as unknown as Record<string, unknown>)[r.key], instance);
    if (refused) throw new UserError(refused);
  }
  return { config, instance };
}
