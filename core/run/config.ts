/**
 * Run configuration: one schema for config files and CLI flags (flags win over
 * the file, the file over the domain's defaults, those over the engine's).
 * Unknown fields and out-of-range values are rejected with the field's path
 * and the allowed range, before anything is written.
 */
import { z } from 'zod';
import { BACKEND_CHOICES } from '../backends/backend.ts';
import { DEFAULT_DIFFICULTY, DIFFICULTY_SCHEDULES, type DifficultySettings } from '../remedies/difficulty.ts';
import { DEFAULT_DETECTORS, type DetectorSettings } from '../measures/detectors.ts';
import type { Domain, DomainInstance } from '../domain/domain.ts';
import { UserError } from '../basics/errors.ts';
import { gridFits, gridShape, SELECTION_SCHEMES } from '../engine/grid.ts';
import { kebab } from '../cli/domain-flags.ts';
import type { JsonObject } from '../basics/json.ts';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const unit = z.number().min(0).max(1);

export const EVALUATION_MODES = ['round-robin', 'sampled'] as const;

/** What a config file may hold; every field optional. */
export const ConfigFileSchema = z.strictObject({
  domain: z.string().optional(),
  options: z.record(z.string(), z.unknown()).optional().describe('domain options, e.g. {"inputs": 8}'),
  seed: z.union([z.string().min(1), z.number()]).optional(),
  generations: int(1, 100_000_000).optional(),
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
  fitnessSharing: z.boolean().optional().describe('competitive fitness sharing (Rosin & Belew) for selection'),
  paretoArchive: z
    .strictObject({
      challengers: int(0, 1024).optional().describe('informative challengers kept as extra opponents for the solvers (0 = off)'),
      solvers: int(0, 1024).optional().describe('informative solvers kept as extra opponents for the challengers (0 = off)'),
    })
    .optional(),
  difficulty: z
    .strictObject({
      schedule: z.enum(DIFFICULTY_SCHEDULES).optional(),
      start: unit.optional(),
      end: unit.optional(),
      generations: int(1, 100_000_000).optional().describe('length of the ramp'),
      target: unit.optional().describe('mean outcome the adaptive schedule steers to'),
      step: unit.optional().describe('adaptive change per unit of outcome error'),
    })
    .optional(),
  detectors: z
    .strictObject({
      disengagement: z.strictObject({ share: unit.optional(), generations: int(1, 1_000_000).optional() }).optional(),
      cycling: z
        .strictObject({ regress: unit.optional(), opponents: int(1, 1024).optional(), generations: int(1, 1_000_000).optional() })
        .optional(),
      focusing: z.strictObject({ imbalance: z.number().min(0).max(2).optional(), generations: int(1, 1_000_000).optional() }).optional(),
    })
    .optional(),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** A fully resolved configuration, as stored in run.json and checkpoints. */
export interface RunConfig {
  readonly domain: string;
  readonly options: JsonObject;
  readonly seed: string;
  readonly generations: number;
  readonly solvers: number;
  readonly challengers: number;
  readonly backend: (typeof BACKEND_CHOICES)[number];
  readonly evaluation: { readonly mode: (typeof EVALUATION_MODES)[number]; readonly opponents: number };
  readonly hallOfFame: { readonly sample: number };
  readonly selection: {
    readonly tournamentSize: number;
    readonly elitism: number;
    readonly scheme: (typeof SELECTION_SCHEMES)[number];
    readonly radius: number;
  };
  readonly variation: { readonly crossoverRate: number; readonly mutationRate: number };
  readonly checkpointEvery: number;
  readonly probeEvery: number;
  readonly ciaoSamples: number;
  readonly fitnessSharing: boolean;
  readonly paretoArchive: { readonly challengers: number; readonly solvers: number };
  readonly difficulty: DifficultySettings;
  readonly detectors: DetectorSettings;
}

export const ENGINE_DEFAULTS = {
  seed: '1',
  generations: 300,
  solvers: 128,
  challengers: 64,
  backend: 'auto',
  evaluation: { mode: 'round-robin', opponents: 8 },
  hallOfFame: { sample: 4 },
  selection: { tournamentSize: 3, elitism: 2, scheme: 'tournament', radius: 1 },
  variation: { crossoverRate: 0.5, mutationRate: 0.9 },
  checkpointEvery: 1,
  ciaoSamples: 64,
  fitnessSharing: false,
  paretoArchive: { challengers: 0, solvers: 0 },
  difficulty: DEFAULT_DIFFICULTY,
  detectors: DEFAULT_DETECTORS,
} as const;

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
function checkGrid(config: RunConfig, layers: ReadonlyArray<{ readonly config: ConfigFile }>): void {
  const { scheme, radius } = config.selection;
  if (scheme !== 'grid') {
    if (layers.some((l) => l.config.selection?.radius !== undefined)) {
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
    solvers: pick((c) => c.solvers, domain.defaults?.solvers ?? d.solvers),
    challengers: pick((c) => c.challengers, domain.defaults?.challengers ?? d.challengers),
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
    fitnessSharing: pick((c) => c.fitnessSharing, d.fitnessSharing),
    paretoArchive: {
      challengers: pick((c) => c.paretoArchive?.challengers, d.paretoArchive.challengers),
      solvers: pick((c) => c.paretoArchive?.solvers, d.paretoArchive.solvers),
    },
    difficulty: {
      schedule: pick((c) => c.difficulty?.schedule, d.difficulty.schedule),
      start: pick((c) => c.difficulty?.start, d.difficulty.start),
      end: pick((c) => c.difficulty?.end, d.difficulty.end),
      generations: pick((c) => c.difficulty?.generations, d.difficulty.generations),
      target: pick((c) => c.difficulty?.target, d.difficulty.target),
      step: pick((c) => c.difficulty?.step, d.difficulty.step),
    },
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
    },
  };
  const smallest = Math.min(config.solvers, config.challengers);
  if (config.selection.elitism >= smallest) {
    throw new UserError(
      `field "selection.elitism": ${config.selection.elitism} elites must be fewer than the smaller population (${smallest})`,
    );
  }
  checkGrid(config, layers);
  if (config.evaluation.mode === 'sampled' && config.evaluation.opponents > config.challengers) {
    throw new UserError(
      `field "evaluation.opponents": ${config.evaluation.opponents} opponents exceed the ${config.challengers} challengers; lower it or use round-robin`,
    );
  }
  if (config.difficulty.schedule !== 'none' && !instance.challengerDifficulty) {
    throw new UserError(
      `field "difficulty.schedule": the ${domain.name} domain does not honour a challenger difficulty schedule; use "none"`,
    );
  }
  return { config, instance };
}
