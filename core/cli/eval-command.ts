/** `redqueen eval --domain NAME ...`: measure one individual outside any run. */
import { UserError } from '../basics/errors.ts';
import { DOMAINS, findDomain } from '../../populations/index.ts';
import { camel } from '../basics/names.ts';

export async function evalCommand(flags: Readonly<Record<string, string | boolean | undefined>>): Promise<number> {
  const name = typeof flags.domain === 'string' ? flags.domain : undefined;
  if (!name) throw new UserError('eval needs --domain NAME');
  const domain = findDomain(name);
  if (!domain) throw new UserError(`unknown domain "${name}"; choose one of: ${DOMAINS.map((d) => d.name).join(', ')}`);
  const command = domain.evalCommand;
  if (!command) throw new UserError(`domain ${name} has no eval command`);
  const values: Record<string, string | undefined> = {};
  const own = new Set(command.flags.map((f) => f.name));
  for (const [key, value] of Object.entries(flags)) {
    if (key === 'domain' || key === 'json' || value === undefined) continue;
    const flag = [...own].find((f) => camel(f) === key);
    if (!flag) {
      throw new UserError(
        `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is not an eval option of ${name} (its options: ${command.flags.map((f) => `--${f.name}`).join(', ')})`,
      );
    }
    values[flag] = String(value);
  }
  for (const f of command.flags) {
    if (f.required && values[f.name] === undefined) throw new UserError(`eval --domain ${name} needs --${f.name} ${f.value}`);
  }
  const result = await command.run(values);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const [k, v] of Object.entries(result)) process.stdout.write(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}\n`);
  }
  return 0;
}
