/**
 * The bit-sliced sorting kernel (the domain's kernel). Instead of one integer
 * per test vector (bit w = wire w), one integer per wire holds that wire's bit
 * of every vector (bit t = vector t). A comparator (i, j) is then two bitwise
 * operations for all vectors at once: wire i gets W_i AND W_j (the smaller
 * value), wire j gets W_i OR W_j.
 *
 * The host transposes each test set into wire words before upload
 * (`transposeTestSet`, the kernel's `columns` layout). gpu.js kernels have no
 * local arrays, so the words are scalar variables and a comparator's (i, j),
 * which is data, reaches its two words through a generated binary decision
 * tree over p = i * n + j: one tree reads W_i and W_j, the AND/OR run once,
 * a second tree writes them back. The network is the same for a whole row of
 * threads, so on SIMD backends the branches are uniform across lanes.
 *
 * Alternatives tried (BENCHMARKS.md): the AND/OR inside the leaves of a
 * single tree, or the transposition in the kernel, put 240 or 1,000 copies of
 * gpu.js's emulated bitwise loop into the GLSL, and Mesa did not finish
 * compiling them in minutes. The previous vector-per-word kernel is kept as a
 * variant, and runs on headlessgl instead of this one.
 *
 * A word holds at most 24 vectors so every value is exact in an f32 (the GL
 * backends compute integers in floats); more vectors take more words per wire.
 */

/** How a challenger's vectors are split into words: `sizes[g]` vectors in group g. */
export function vectorGroups(vectors: number, maxBits = 24): number[] {
  const groups = Math.ceil(vectors / maxBits);
  const base = Math.floor(vectors / groups);
  return Array.from({ length: groups }, (_, g) => base + (g < vectors % groups ? 1 : 0));
}

/** Floats per transposed test set: one word per wire and group. */
export const wordsPerTestSet = (inputs: number, vectors: number): number => inputs * vectorGroups(vectors).length;

/** Test set (vector t = integer, bit w = wire w) -> words, out[g * inputs + w] bit b = wire w of vector t. */
export function transposeTestSet(inputs: number, vectors: number): (testSet: Float32Array, out: Float32Array) => void {
  const sizes = vectorGroups(vectors);
  return (testSet, out) => {
    out.fill(0);
    let t = 0;
    for (let g = 0; g < sizes.length; g++) {
      for (let b = 0; b < sizes[g]!; b++, t++) {
        const v = testSet[t]!;
        for (let w = 0; w < inputs; w++) out[g * inputs + w]! += ((v >> w) & 1) << b;
      }
    }
  };
}

const word = (g: number, w: number) => `w${g}_${w}`;

/** A balanced binary tree over the pairs (i, j), i < j, ordered by p = i * n + j, with `leaf` at each pair. */
function tree(
  pairs: ReadonlyArray<readonly [number, number]>,
  n: number,
  leaf: (i: number, j: number, indent: string) => string[],
  indent: string,
): string[] {
  if (pairs.length === 1) return leaf(pairs[0]![0], pairs[0]![1], indent);
  const mid = pairs.length >> 1;
  const [mi, mj] = pairs[mid]!;
  return [
    `${indent}if (p < ${mi * n + mj}) {`,
    ...tree(pairs.slice(0, mid), n, leaf, `${indent}  `),
    `${indent}} else {`,
    ...tree(pairs.slice(mid), n, leaf, `${indent}  `),
    `${indent}}`,
  ];
}

/** Kernel source for n wires and `vectors` test vectors per challenger, reading transposed test sets. */
export function bitSlicedSortingKernel(inputs: number, vectors: number): string {
  const sizes = vectorGroups(vectors);
  const G = Array.from(sizes.keys());
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < inputs; i++) for (let j = i + 1; j < inputs; j++) pairs.push([i, j]);
  const read = (i: number, j: number, ind: string) => G.flatMap((g) => [`${ind}a${g} = ${word(g, i)};`, `${ind}b${g} = ${word(g, j)};`]);
  const write = (i: number, j: number, ind: string) => G.flatMap((g) => [`${ind}${word(g, i)} = a${g};`, `${ind}${word(g, j)} = b${g};`]);
  const lines: string[] = [
    'function bitSlicedSortingKernel(networks, testSets, opponents) {',
    '  const s = this.thread.y;',
    '  const c = opponents[this.thread.y][this.thread.x];',
    '  let lo = 0;',
    ...G.flatMap((g) => [`  let a${g} = 0;`, `  let b${g} = 0;`]),
    ...G.flatMap((g) => Array.from({ length: inputs }, (_, w) => `  let ${word(g, w)} = testSets[c][${g * inputs + w}];`)),
    '  for (let k = 0; k < this.constants.slots; k++) {',
    '    const i = networks[s][2 * k];',
    '    const j = networks[s][2 * k + 1];',
    '    if (i != j) {',
    `      const p = i * ${inputs} + j;`,
    ...tree(pairs, inputs, read, '      '),
    ...G.flatMap((g) => [`      lo = a${g} & b${g};`, `      b${g} = a${g} | b${g};`, `      a${g} = lo;`]),
    ...tree(pairs, inputs, write, '      '),
    '    }',
    '  }',
    '  let sorted = 0;',
  ];
  // Vector t is sorted when no wire holds 1 while the next holds 0. The good
  // vectors are counted SWAR style: a loop here costs webasm more than the rest.
  for (const g of G) {
    const full = 2 ** sizes[g]! - 1;
    lines.push(`  let bad${g} = 0;`);
    for (let w = 0; w + 1 < inputs; w++) lines.push(`  bad${g} = bad${g} | (${word(g, w)} & (${full} ^ ${word(g, w + 1)}));`);
    lines.push(
      `  let q${g} = ${full} ^ bad${g};`,
      `  q${g} = q${g} - ((q${g} >> 1) & ${0x555555});`,
      `  q${g} = (q${g} & ${0x333333}) + ((q${g} >> 2) & ${0x333333});`,
      `  q${g} = (q${g} + (q${g} >> 4)) & ${0x0f0f0f};`,
      `  sorted = sorted + ((q${g} + (q${g} >> 8) + (q${g} >> 16)) & 63);`,
    );
  }
  lines.push('  return sorted;', '}');
  return lines.join('\n');
}
