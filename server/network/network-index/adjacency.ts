/**
 * Lists of integers per row, packed into two typed arrays (compressed sparse rows): row `r` holds
 * `targets[offsets[r]]` up to `targets[offsets[r + 1]]`. A national network's links fit in a few MB this way.
 */
export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Collects rows in order into one flat list, then packs them. */
export class RowsBuilder {
  private readonly offsets: number[] = [0];
  private readonly values: number[] = [];

  push(row: Iterable<number>): void {
    for (const value of row) this.values.push(value);
    this.offsets.push(this.values.length);
  }

  /**
   * Packs the rows, each value passed through `map` (and left out where it gives undefined), with
   * duplicates within a row dropped. Mapped values must lie in 0 ≤ value < `targetCount`.
   */
  build(targetCount: number, map: (value: number) => number | undefined = (value) => value): Adjacency {
    const rows = this.offsets.length - 1;
    const offsets = new Int32Array(rows + 1);
    const targets: number[] = [];
    const seenInRow = new Int32Array(targetCount).fill(-1);
    for (let row = 0; row < rows; row++) {
      for (let k = this.offsets[row]!; k < this.offsets[row + 1]!; k++) {
        const target = map(this.values[k]!);
        if (target === undefined || seenInRow[target] === row) continue;
        seenInRow[target] = row;
        targets.push(target);
      }
      offsets[row + 1] = targets.length;
    }
    return { offsets, targets: Int32Array.from(targets) };
  }
}

/**
 * The same links read from the other end: for each of `targetCount` targets, the rows that list it. By
 * default every row, in order; given `rows`, only those, in the order given.
 */
export function transpose(adjacency: Adjacency, targetCount: number, rows?: ArrayLike<number>): Adjacency {
  const { offsets: rowOffsets, targets: rowTargets } = adjacency;
  const rowCount = rows ? rows.length : rowOffsets.length - 1;
  const rowAt = rows ? (n: number) => rows[n]! : (n: number) => n;
  const offsets = new Int32Array(targetCount + 1);
  for (let n = 0; n < rowCount; n++) {
    const row = rowAt(n);
    for (let k = rowOffsets[row]!; k < rowOffsets[row + 1]!; k++) offsets[rowTargets[k]! + 1]!++;
  }
  for (let t = 0; t < targetCount; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, targetCount);
  const targets = new Int32Array(offsets[targetCount]!);
  for (let n = 0; n < rowCount; n++) {
    const row = rowAt(n);
    for (let k = rowOffsets[row]!; k < rowOffsets[row + 1]!; k++) targets[fill[rowTargets[k]!]!++] = row;
  }
  return { offsets, targets };
}

export function rowOf(adjacency: Adjacency, row: number): Int32Array {
  return adjacency.targets.subarray(adjacency.offsets[row]!, adjacency.offsets[row + 1]!);
}

/** How many values rows `a` and `b` have in common. For short rows (a few roots, a few kommuner); no views are made. */
export function sharedInRows({ offsets, targets }: Adjacency, a: number, b: number): number {
  let shared = 0;
  for (let x = offsets[a]!; x < offsets[a + 1]!; x++) {
    for (let y = offsets[b]!; y < offsets[b + 1]!; y++) {
      if (targets[x] === targets[y]) {
        shared++;
        break;
      }
    }
  }
  return shared;
}

export const rowLength = ({ offsets }: Adjacency, row: number) => offsets[row + 1]! - offsets[row]!;

/**
 * The same rows with some replaced, and empty rows added up to `rowCount`: made in one pass, the rows
 * between replaced ones copied a run at a time. What a catch-up uses to change a few rows of a packed
 * list; it allocates that one list again, never the whole index.
 */
export function withRows(adjacency: Adjacency, replaced: Map<number, ArrayLike<number>>, rowCount: number): Adjacency {
  const old = adjacency.offsets;
  const oldRows = old.length - 1;
  const changedRows = [...replaced.keys()].sort((a, b) => a - b);
  // Offsets of the rows between replaced ones are the old ones moved by what the rows before them grew
  // or shrank: one pass over typed arrays, no look-up per row.
  const offsets = new Int32Array(rowCount + 1);
  let shift = 0;
  let next = 0;
  const shiftRun = (end: number) => {
    for (let row = next; row < end; row++) offsets[row + 1] = row < oldRows ? old[row + 1]! + shift : offsets[row]!;
  };
  for (const row of changedRows) {
    shiftRun(row);
    const length = replaced.get(row)!.length;
    offsets[row + 1] = offsets[row]! + length;
    shift += length - (row < oldRows ? old[row + 1]! - old[row]! : 0);
    next = row + 1;
  }
  shiftRun(rowCount);
  const targets = new Int32Array(offsets[rowCount]!);
  let runStart = 0;
  const copyRun = (end: number) => {
    const from = Math.min(runStart, oldRows);
    const to = Math.min(end, oldRows);
    if (to > from) targets.set(adjacency.targets.subarray(old[from]!, old[to]!), offsets[from]!);
  };
  for (const row of changedRows) {
    copyRun(row);
    targets.set(replaced.get(row)!, offsets[row]!);
    runStart = row + 1;
  }
  copyRun(rowCount);
  return { offsets, targets };
}
