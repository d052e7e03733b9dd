/**
 * The compiled baseline: straightforward single-thread bit-sliced C loops
 * (benchmarks/c/*.c) for sorting networks and density classification, built
 * with the system's `cc -O3 -march=native` into a temporary folder when a
 * benchmark starts. Every backend is reported as a ratio to it, timed in the
 * same run on the same genomes, and its outcomes are checked against the
 * kernel's (a fast wrong baseline is not a baseline either). Without a
 * compiler the ratios are left out, with one line saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DomainInstance } from '../core/domain/domain.ts';
import type { Population } from '../core/basics/population.ts';

const SOURCES: Readonly<Record<string, string>> = {
  'sorting-networks': 'sorting.c',
  'density-classification': 'density.c',
};

export interface Baselines {
  /** The compiler's first line of `--version`. */
  readonly compiler: string;
  readonly flags: string;
  readonly binaries: Readonly<Record<string, string>>;
  cleanup(): void;
}

const FLAGS = ['-O3', '-march=native'];

/** Compile every baseline; null (and the reason on `log`) when there is no C compiler. */
export function buildBaselines(log: (line: string) => void): Baselines | null {
  const cc = process.env.CC ?? 'cc';
  const version = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    log(`no C baseline: no C compiler (\`${cc}\`) here; ratios to C are left out`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rq-c-baseline-'));
  const binaries: Record<string, string> = {};
  for (const [domain, file] of Object.entries(SOURCES)) {
    const src = fileURLToPath(new URL(`./c/${file}`, import.meta.url));
    const bin = join(dir, file.replace(/\.c$/, ''));
    execFileSync(cc, [...FLAGS, '-o', bin, src]);
    binaries[domain] = bin;
  }
  return {
    compiler: version.stdout.split('\n')[0] ?? cc,
    flags: FLAGS.join(' '),
    binaries,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface BaselineRun {
  /** Seconds for the rows x cols round robin (best of `reps`, timed inside the C program). */
  readonly seconds: number;
  /** Raw outcomes, row-major rows x cols. */
  readonly outcomes: Float32Array;
}

const bytes = (a: Int32Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Whether the domain has a baseline for these options (sorting: at most 64 vectors a test set). */
export function hasBaseline(b: Baselines | null, domain: DomainInstance): boolean {
  if (!b || !b.binaries[domain.name]) return false;
  return domain.name !== 'sorting-networks' || Number(domain.options.vectors) <= 64;
}

/** Rows `rows` x every column, round robin, on the domain's C baseline. */
export function runBaseline(b: Baselines, domain: DomainInstance, rows: Population, cols: Population, reps: number): BaselineRun {
  const o = domain.options as Record<string, number>;
  const head =
    domain.name === 'sorting-networks'
      ? [rows.size, cols.size, o.inputs!, o.maxComparators!, o.vectors!, reps]
      : [rows.size, cols.size, o.size!, o.steps!, reps];
  const input = Buffer.concat([bytes(Int32Array.from(head)), bytes(rows.genes), bytes(cols.genes)]);
  const text = execFileSync(b.binaries[domain.name]!, { input, maxBuffer: 1 << 30 }).toString().split('\n');
  const values = domain.name === 'sorting-networks' ? text[1]!.split(' ').map(Number) : Array.from(text[1]!, Number);
  return { seconds: Number(text[0]), outcomes: Float32Array.from(values) };
}
