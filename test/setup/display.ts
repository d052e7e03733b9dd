/**
 * headless-gl needs an X display. When there is none and Xvfb is installed
 * (CI installs it), start one for the whole test run so the headlessgl
 * backend is checked against the reference too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

let xvfb: ChildProcess | undefined;

export async function setup(): Promise<void> {
  if (process.env.DISPLAY) return;
  const bin = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((p) => existsSync(p));
  if (!bin) return;
  const display = `:${90 + (process.pid % 800)}`;
  xvfb = spawn(bin, [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  // Wait for the socket to appear.
  const socket = `/tmp/.X11-unix/X${display.slice(1)}`;
  for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
  if (existsSync(socket)) process.env.DISPLAY = display;
}

export async function teardown(): Promise<void> {
  xvfb?.kill();
}
