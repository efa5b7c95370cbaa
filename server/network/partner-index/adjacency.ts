/**
 * Lists of integers per row, packed into two typed arrays (compressed sparse rows): row `r` holds
 * `targets[offsets[r]]` up to `targets[offsets[r + 1]]`. A national network's links fit in a few MB this way.
 */
export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Collects rows in order, then packs them. Duplicates within a row are dropped. */
export class AdjacencyBuilder {
  private readonly offsets: number[] = [0];
  private readonly targets: number[] = [];

  /** Appends the next row. */
  push(row: Iterable<number>): void {
    const seen = new Set<number>();
    for (const target of row) {
      if (seen.has(target)) continue;
      seen.add(target);
      this.targets.push(target);
    }
    this.offsets.push(this.targets.length);
  }

  build(): Adjacency {
    return { offsets: Int32Array.from(this.offsets), targets: Int32Array.from(this.targets) };
  }
}

/** Packs rows given as pairs in any order, for `rows` rows. */
export function adjacencyFromPairs(rows: number, from: ArrayLike<number>, to: ArrayLike<number>): Adjacency {
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < from.length; i++) offsets[from[i]! + 1]!++;
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, rows);
  const targets = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) targets[fill[from[i]!]!++] = to[i]!;
  return { offsets, targets };
}

export function rowOf(adjacency: Adjacency, row: number): Int32Array {
  return adjacency.targets.subarray(adjacency.offsets[row]!, adjacency.offsets[row + 1]!);
}
