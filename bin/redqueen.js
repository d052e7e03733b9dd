#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so `npx redqueen` works on a
// fresh clone with no build step. Kernel functions survive this: tsx only strips
// types, and gpu.js re-parses each kernel's source text.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
