/** What the numbers were measured on, and how busy it was. */
import { cpus, loadavg, totalmem, release, platform, arch } from 'node:os';
import { versions } from '../core/run/versions.ts';

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

/** 1, 5 and 15 minute load averages: on a shared machine, read the timings with these. */
export function load(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}
