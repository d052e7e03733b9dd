#!/usr/bin/env node
// Run a command with an X display: headless-gl needs one. When DISPLAY is
// unset and xvfb-run is installed, the command runs under `xvfb-run -a`;
// otherwise as it is (the headlessgl backend then reports itself unavailable).
import { spawnSync } from 'node:child_process';

const [cmd, ...args] = process.argv.slice(2);
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const [bin, argv] = !process.env.DISPLAY && hasXvfb ? ['xvfb-run', ['-a', cmd, ...args]] : [cmd, args];
const r = spawnSync(bin, argv, { stdio: 'inherit' });
process.exit(r.status ?? 1);
