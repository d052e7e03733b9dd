/**
 * Layout of a comparator network for drawing: comparators grouped into
 * parallel layers (each at the earliest layer after both its wires are
 * free, so the number of layers is the network's depth), and inside a layer
 * spread over columns so that no two vertical lines overlap. Comparators
 * come back in the network's order.
 */
export interface NetworkJson {
  readonly inputs: number;
  readonly comparators: ReadonlyArray<readonly [number, number]>;
}

export interface PlacedComparator {
  /** Position in the network's comparator list. */
  readonly index: number;
  readonly i: number;
  readonly j: number;
  readonly layer: number;
  /** Column in the drawing (layers may take several columns). */
  readonly column: number;
}

export interface NetworkLayout {
  readonly inputs: number;
  readonly depth: number;
  readonly columns: number;
  /** First column of each layer, plus the total at the end. */
  readonly layerStarts: number[];
  readonly comparators: PlacedComparator[];
}

export function asNetwork(value: unknown): NetworkJson | null {
  const v = value as { inputs?: unknown; comparators?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.inputs !== 'number' || !Array.isArray(v.comparators)) return null;
  const inputs = v.inputs;
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > 64) return null;
  const comparators: Array<[number, number]> = [];
  for (const c of v.comparators) {
    if (!Array.isArray(c) || c.length !== 2) return null;
    const [a, b] = c as unknown[];
    if (typeof a !== 'number' || typeof b !== 'number' || a < 0 || b >= inputs || a >= b) return null;
    comparators.push([a, b]);
  }
  return { inputs, comparators };
}

export function layoutNetwork(net: NetworkJson): NetworkLayout {
  const free = new Array<number>(net.inputs).fill(0);
  const layers: Array<Array<[number, number, number]>> = [];
  net.comparators.forEach(([i, j], index) => {
    const layer = Math.max(free[i]!, free[j]!);
    (layers[layer] ??= []).push([i, j, index]);
    free[i] = layer + 1;
    free[j] = layer + 1;
  });
  const placed: PlacedComparator[] = [];
  const layerStarts: number[] = [];
  let column = 0;
  for (let l = 0; l < layers.length; l++) {
    layerStarts.push(column);
    // Greedy interval colouring: a comparator goes in the first column whose spans it does not overlap.
    const spans: Array<Array<[number, number]>> = [];
    for (const [i, j, index] of layers[l] ?? []) {
      let k = 0;
      while (spans[k]?.some(([a, b]) => !(j < a || i > b))) k++;
      (spans[k] ??= []).push([i, j]);
      placed.push({ index, i, j, layer: l, column: column + k });
    }
    column += Math.max(1, spans.length);
  }
  layerStarts.push(column);
  placed.sort((a, b) => a.index - b.index);
  return { inputs: net.inputs, depth: layers.length, columns: column, layerStarts, comparators: placed };
}
