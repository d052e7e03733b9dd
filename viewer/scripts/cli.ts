/** Start the redqueen CLI as a user would, and catch the viewer URL it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Cli {
  readonly child: ChildProcess;
  /** Resolves to the viewer URL the CLI prints. */
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  output(): string;
}

export function redqueen(args: readonly string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [`${ROOT}bin/redqueen.js`, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let text = '';
  let found: (url: string) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    found = resolve;
    child.once('exit', (code) => reject(new Error(`redqueen exited (${code}) before printing a URL:\n${text}`)));
  });
  const collect = (d: Buffer) => {
    text += d.toString();
    const m = /viewer[^:]*: (http:\/\/\S+)/.exec(text);
    if (m) found(m[1]!);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, url, exited, output: () => text };
}
