/**
 * What a sweep runs: one job per (setup, seed). A setup is the config file
 * with a few fields changed (`--set key=value,key=value`, dotted keys into
 * the file's JSON); every job is an ordinary run directory under OUT, so a
 * sweep can be inspected, served, analyzed or resumed run by run.
 */
import { UserError } from '../basics/errors.ts';
import type { JsonObject, JsonValue } from '../basics/json.ts';
import { parseConfigFile } from '../run/config.ts';

export interface Setup {
  /** As given (the --set text), or "config" for the file as it is. */
  readonly name: string;
  /** Directory name under OUT. */
  readonly slug: string;
  readonly config: JsonObject;
}

export interface Job {
  readonly setup: Setup;
  readonly seed: string;
  readonly dir: string;
}

/** "1..10" (inclusive range of whole numbers) or "a,b,c". */
export function parseSeeds(raw: string): string[] {
  const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(raw);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from || to - from >= 10_000) throw new UserError(`--seeds ${raw}: a range must go up, at most 10000 seeds (e.g. 1..10)`);
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  const list = raw.split(',').map((s) => s.trim());
  if (list.some((s) => s === '') || new Set(list).size !== list.length) {
    throw new UserError(`--seeds ${raw}: give a range like 1..10 or distinct seeds like 1,2,7`);
  }
  return list;
}

function parseValue(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw; // a bare word is a string
  }
}

function withField(config: JsonObject, path: string[], value: JsonValue): JsonObject {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...config, [head!]: value };
  const inner = config[head!];
  const child = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? inner : {};
  return { ...config, [head!]: withField(child, rest, value) };
}

function slugOf(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9.=-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'setup';
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  taken.add(slug);
  return slug;
}

/** Setups from the config file and the --set values, each checked as a config file now (one line naming the --set on error). */
export function planSetups(file: JsonObject, source: string, sets: readonly string[]): Setup[] {
  const taken = new Set<string>();
  if (sets.length === 0) {
    parseConfigFile(file, source);
    return [{ name: 'config', slug: slugOf('config', taken), config: file }];
  }
  return sets.map((text) => {
    let config = file;
    for (const pair of text.split(',')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq).trim();
      if (eq <= 0 || !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(key)) {
        throw new UserError(`--set ${text}: expected key=value[,key=value...] with dotted config keys, e.g. --set hallOfFame.sample=8`);
      }
      if (key === 'seed') throw new UserError(`--set ${text}: the seed is set by --seeds`);
      config = withField(config, key.split('.'), parseValue(pair.slice(eq + 1).trim()));
    }
    parseConfigFile(config, `--set ${text}`);
    return { name: text, slug: slugOf(text, taken), config };
  });
}

export function planJobs(setups: readonly Setup[], seeds: readonly string[], out: string): Job[] {
  return setups.flatMap((setup) => seeds.map((seed) => ({ setup, seed, dir: `${out}/${setup.slug}/seed-${seed}` })));
}
