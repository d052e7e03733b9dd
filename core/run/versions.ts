/** Versions recorded in run.json so a run can be traced to the code that made it. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function versions(): Record<string, string> {
  return {
    redqueen: (require('../../package.json') as { version: string }).version,
    node: process.versions.node,
    'gpu.js': versionOf('gpu.js'),
    seedrandom: versionOf('seedrandom'),
  };
}
