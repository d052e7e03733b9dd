/**
 * An independent validity check for tests: apply the comparators to every
 * 0/1 input as plain arrays (none of the domain's bit-sliced code) and see
 * that each comes out sorted.
 */
export function sortsAll(network: { inputs: number; comparators: ReadonlyArray<readonly [number, number]> }): boolean {
  const n = network.inputs;
  const wires = new Array<number>(n);
  for (let x = 0; x < 2 ** n; x++) {
    for (let w = 0; w < n; w++) wires[w] = Math.floor(x / 2 ** w) % 2;
    for (const [i, j] of network.comparators) {
      if (wires[i]! > wires[j]!) [wires[i], wires[j]] = [wires[j]!, wires[i]!];
    }
    for (let w = 0; w + 1 < n; w++) if (wires[w]! > wires[w + 1]!) return false;
  }
  return true;
}
