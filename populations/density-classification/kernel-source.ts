/**
 * Generated gpu.js source for the chunked CA (packing.ts). gpu.js kernels have
 * no local arrays, so the lattice lives in one scalar per chunk (a0, a1, ...)
 * and the source is written out for the lattice size: each step builds every
 * chunk's (k + 6)-cell window from its own value and the 3 cells on either
 * side, and fetches the chunk's next value from the rule's chunk table.
 *
 * Steps come in blocks of `unroll` (state a -> b -> a ..., no copies); after
 * each block the kernel stops if the lattice is uniform in a fixed state (the
 * outcome is settled) and, with `cycleCheck`, if a 2-step block returned the
 * lattice to where it was (a fixed point or period-2 pattern that is not
 * uniform never becomes uniform, so the outcome is 0). Stopping early never
 * changes the outcome, only the time: that is the contract with the reference
 * (classify.ts), which the tests hold every variant to.
 *
 * Arguments: tables [row][tableEntries + 2] (chunk table, fixed0, fixed1),
 * ics [col][chunks + 1] (chunk values, majority), opponents [row][slot].
 */
import { pieces, type Layout } from './packing.ts';

export interface SourceOptions {
  readonly steps: number;
  /** Steps per block between the stop checks (1..8). */
  readonly unroll: number;
  /** Stop on period-1 and period-2 lattices (needs an even unroll). */
  readonly cycleCheck: boolean;
  /** Leave the step loop with `break` (true) or skip the rest of it with a flag (false). */
  readonly useBreak: boolean;
}

const pow2 = (e: number): string => {
  const v = 2 ** e;
  return Number.isInteger(v) ? `${v}.0` : `${v}`;
};

/** Statements of one step from state `src` to state `dst`, temporaries suffixed by `tag`. */
function stepLines(lay: Layout, src: string, dst: string, tag: string): string[] {
  const lines: string[] = [];
  const defined = new Map<string, string>();
  // Cells o .. o+l-1 of chunk j: shift its value right, then keep the low l bits.
  const piece = (j: number, o: number, l: number): string => {
    const s = lay.chunks[j]!.length;
    if (o === 0 && l === s) return `${src}${j}`;
    const key = `${j}_${o}_${l}`;
    const have = defined.get(key);
    if (have) return have;
    const name = `q${tag}_${key}`;
    const shift = s - o - l;
    const shifted = shift === 0 ? `${src}${j}` : `Math.floor(${src}${j} * ${pow2(-shift)})`;
    if (o === 0) {
      lines.push(`    const ${name} = ${shifted};`);
    } else {
      lines.push(`    const ${name}s = ${shifted};`);
      lines.push(`    const ${name} = ${name}s - Math.floor(${name}s * ${pow2(-l)}) * ${pow2(l)};`);
    }
    defined.set(key, name);
    return name;
  };
  const cells = (a: number, len: number): string => {
    let expr = '';
    for (const { chunk: j, offset: o, length: l } of pieces(lay, a, len)) {
      const p = piece(j, o, l);
      expr = expr === '' ? p : `(${expr}) * ${pow2(l)} + ${p}`;
    }
    return expr;
  };
  lay.chunks.forEach((c, j) => {
    const window = `((${cells(c.start - 3, 3)}) * ${pow2(c.length)} + ${src}${j}) * 8.0 + ${cells(c.start + c.length, 3)}`;
    const pad = lay.k - c.length;
    if (pad === 0) {
      lines.push(`    ${dst}${j} = tables[s][${window}];`);
    } else {
      // A short chunk reads the table with (k - length) zero cells appended and keeps the leading cells.
      lines.push(`    ${dst}${j} = Math.floor(tables[s][(${window}) * ${pow2(pad)}] * ${pow2(-pad)});`);
    }
  });
  return lines;
}

export function chunkedKernelSource(lay: Layout, opts: SourceOptions): string {
  const M = lay.chunks.length;
  const { steps, unroll } = opts;
  if (unroll < 1 || unroll > 8) throw new Error(`unroll ${unroll} must be 1..8`);
  if (opts.cycleCheck && unroll % 2 !== 0) throw new Error('cycleCheck needs an even unroll');
  const idx = Array.from({ length: M }, (_, j) => j);
  const sum = (v: string) => idx.map((j) => `${v}${j}`).join(' + ');
  const T = lay.tableEntries;
  const blocks = Math.floor(steps / unroll);
  const rest = steps % unroll;
  // States alternate a -> b -> a; an odd number of steps in a block ends in b and is copied back.
  const block = (n: number, tagBase: string): string[] => {
    const out: string[] = [];
    for (let u = 0; u < n; u++) out.push(...stepLines(lay, u % 2 === 0 ? 'a' : 'b', u % 2 === 0 ? 'b' : 'a', `${tagBase}${u}`));
    if (n % 2 === 1) for (const j of idx) out.push(`    a${j} = b${j};`);
    return out;
  };
  const settle = (indent: string): string[] => [
    `${indent}sum = ${sum('a')};`,
    `${indent}if (sum == 0.0 && fixed0 == 1.0) { live = 0.0; }`,
    `${indent}if (sum == ${lay.full}.0 && fixed1 == 1.0) { live = 0.0; }`,
  ];
  const lines = [
    'function densityKernel(tables, ics, opponents) {',
    '  const s = this.thread.y;',
    '  const c = opponents[this.thread.y][this.thread.x];',
    `  const fixed0 = tables[s][${T}];`,
    `  const fixed1 = tables[s][${T + 1}];`,
    `  const target = ics[c][${M}];`,
    ...idx.map((j) => `  let a${j} = ics[c][${j}];`),
    ...idx.map((j) => `  let b${j} = 0.0;`),
    ...(opts.cycleCheck ? idx.map((j) => `  let o${j} = 0.0;`) : []),
    '  let live = 1.0;',
    '  // All-m is not a fixed point: never credited, nothing to simulate.',
    '  if (target == 0.0 && fixed0 == 0.0) { live = 0.0; }',
    '  if (target == 1.0 && fixed1 == 0.0) { live = 0.0; }',
    '  let sum = 0.0;',
    ...settle('  '),
    `  for (let t = 0; t < ${blocks}; t++) {`,
    ...(opts.useBreak ? ['    if (live == 0.0) { break; }'] : ['    if (live == 1.0) {']),
    ...(opts.cycleCheck ? idx.map((j) => `    o${j} = a${j};`) : []),
    ...block(unroll, 'u'),
    ...settle('    '),
    ...(opts.cycleCheck
      ? [
          `    let moved = ${idx.map((j) => `Math.abs(a${j} - o${j})`).join(' + ')};`,
          '    if (moved == 0.0) { live = 0.0; }',
        ]
      : []),
    ...(opts.useBreak ? [] : ['    }']),
    '  }',
    ...(rest > 0 ? ['  if (live == 1.0) {', ...block(rest, 'r'), ...settle('    '), '  }'] : []),
    '  let correct = 0.0;',
    '  if (target == 0.0 && fixed0 == 1.0 && sum == 0.0) { correct = 1.0; }',
    `  if (target == 1.0 && fixed1 == 1.0 && sum == ${lay.full}.0) { correct = 1.0; }`,
    '  return correct;',
    '}',
  ];
  return lines.join('\n');
}
