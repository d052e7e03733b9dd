#!/usr/bin/env node
// `npm start` and `npm test` work on a fresh clone: install the locked
// dependencies first when node_modules is missing or older than the lockfile.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  process.stderr.write('installing dependencies (npm ci)...\n');
  execSync('npm ci', { stdio: 'inherit' });
}
