/** What the numbers were measured on. */
import { cpus, totalmem, release, platform, arch } from 'node:os';
import { versions } from '../core/versions.ts';

export function machine(): Record<string, string | number | boolean> {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    display: Boolean(process.env.DISPLAY),
    ...versions(),
  };
}
