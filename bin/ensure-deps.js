#!/usr/bin/env node
// `npm start` and `npm test` work on a fresh clone: install the locked
// dependencies first when node_modules is missing or does not match the
// lockfile. The check compares contents, not modification times: a git
// checkout or worktree gives package-lock.json a fresh mtime, and an mtime
// check would then reinstall needlessly.
import { execSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';

/** Why node_modules does not match package-lock.json, or null when it does. */
function mismatch() {
  if (!existsSync(marker)) return 'node_modules is missing or was not installed by npm';
  const want = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages ?? {};
  const have = JSON.parse(readFileSync(marker, 'utf8')).packages ?? {};
  for (const [path, pkg] of Object.entries(want)) {
    if (path === '' || !path.startsWith('node_modules/')) continue;
    const got = have[path];
    // Optional packages for other platforms are legitimately absent.
    if (!got && !pkg.optional && !pkg.devOptional) return `${path} is not installed`;
    if (got && got.version !== pkg.version) return `${path} is ${got.version}, the lockfile wants ${pkg.version}`;
  }
  return null;
}

const why = mismatch();
if (why) {
  // npm ci empties node_modules first, following a symlink into the shared
  // install it points at: never do that to an install other checkouts use.
  if (existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink()) {
    process.stderr.write(`node_modules is a shared install (a symlink) and does not match package-lock.json: ${why}.\n`);
    process.stderr.write('Update it where it lives (npm ci there), not through the link.\n');
    process.exit(1);
  }
  process.stderr.write(`installing dependencies (npm ci): ${why}\n`);
  execSync('npm ci', { stdio: 'inherit' });
}

// The wasm backend's kernels, compiled from the domains' AssemblyScript
// sources when missing or older than them (bin/build-wasm.js).
const { buildWasm } = await import('./build-wasm.js');
await buildWasm();
