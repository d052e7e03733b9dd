/**
 * Domain options become run flags: each field of a domain's options schema is
 * a `--kebab-case <value>` flag, typed and described by the schema itself, so
 * adding an option to a domain needs no CLI change.
 */
import type { z } from 'zod';
import type { Domain } from '../domain/domain.ts';
import { UserError } from '../basics/errors.ts';
import { camel, kebab } from '../basics/names.ts';

export interface DomainFlag {
  /** Schema key, e.g. maxComparators. */
  readonly key: string;
  /** Flag name without dashes, e.g. max-comparators. */
  readonly flag: string;
  readonly description: string;
  readonly kind: 'number' | 'boolean' | 'string';
  readonly domains: readonly string[];
}


interface Introspectable {
  readonly description?: string;
  readonly def: { readonly type: string; readonly innerType?: Introspectable };
}

function baseKind(field: Introspectable): DomainFlag['kind'] {
  let f: Introspectable | undefined = field;
  while (f && (f.def.type === 'default' || f.def.type === 'optional' || f.def.type === 'nullable')) f = f.def.innerType;
  const t = f?.def.type;
  return t === 'number' || t === 'int' ? 'number' : t === 'boolean' ? 'boolean' : 'string';
}

/** One flag per option key across all domains (a key shared by domains is one flag). */
export function domainFlags(domains: readonly Domain[]): DomainFlag[] {
  const byKey = new Map<string, DomainFlag>();
  for (const d of domains) {
    for (const [key, schema] of Object.entries(d.options.shape as Record<string, z.ZodType>)) {
      const field = schema as unknown as Introspectable;
      const prev = byKey.get(key);
      byKey.set(key, {
        key,
        flag: kebab(key),
        description: prev?.description ?? field.description ?? key,
        kind: baseKind(field),
        domains: [...(prev?.domains ?? []), d.name],
      });
    }
  }
  return [...byKey.values()];
}

/** Convert the raw strings given for domain flags into typed option values for `domain`. */
export function domainOptionsFromFlags(
  domain: Domain,
  flags: readonly DomainFlag[],
  given: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const f of flags) {
    const raw = given[f.key];
    if (raw === undefined) continue;
    if (!f.domains.includes(domain.name)) {
      const own = flags.filter((x) => x.domains.includes(domain.name)).map((x) => `--${x.flag}`);
      throw new UserError(`--${f.flag} is not an option of ${domain.name} (its options: ${own.join(', ') || 'none'})`);
    }
    if (f.kind === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UserError(`--${f.flag} must be a number, got "${raw}"`);
      options[f.key] = n;
    } else if (f.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new UserError(`--${f.flag} must be true or false, got "${raw}"`);
      options[f.key] = raw === 'true';
    } else {
      options[f.key] = raw;
    }
  }
  return options;
}
