import { rowOf, withRows, type Adjacency } from '../adjacency.ts';

/**
 * Rows of one packed list being changed: read through it, a row shows its new value once set. `packed()`
 * makes the list again once (withRows), however many rows changed.
 */
export class ChangedRowsOf {
  private readonly replaced = new Map<number, Int32Array>();

  constructor(readonly before: Adjacency) {}

  get(row: number): Int32Array {
    return this.replaced.get(row) ?? rowOrEmpty(this.before, row);
  }

  /** The row as it was, empty for one added since. */
  rowBefore(row: number): Int32Array {
    return rowOrEmpty(this.before, row);
  }

  set(row: number, values: ArrayLike<number>): void {
    this.replaced.set(row, Int32Array.from(values));
  }

  changedRows(): IterableIterator<number> {
    return this.replaced.keys();
  }

  packed(rowCount: number): Adjacency {
    return this.replaced.size === 0 && rowCount === this.before.offsets.length - 1 ? this.before : withRows(this.before, this.replaced, rowCount);
  }
}

/** A row, or an empty one past the end (a row added since the list was made). */
export function rowOrEmpty(adjacency: Adjacency, row: number): Int32Array {
  return row < adjacency.offsets.length - 1 ? rowOf(adjacency, row) : new Int32Array(0);
}

/** Each value once, in the order first met. */
export function distinct(values: Iterable<number>): number[] {
  return [...new Set(values)];
}

/** The values `map` knows, each once, in the order given. */
export function mapped<T>(values: T[], map: (value: T) => number | undefined): number[] {
  return distinct(values.flatMap((value) => map(value) ?? []));
}

export const ascending = (values: Iterable<number>) => Int32Array.from(values).sort();

/**
 * A list read from the other end (for each target, the rows that list it, in ascending order), made
 * right again after the `changed` rows of the forward list went from `before` to `after`: only the
 * targets those rows gained or lost are touched.
 */
export function retransposed(
  transposed: Adjacency,
  changed: Iterable<number>,
  before: (row: number) => ArrayLike<number>,
  after: (row: number) => ArrayLike<number>,
  targetCount: number,
): Adjacency {
  const gained = new Map<number, number[]>();
  const lost = new Map<number, Set<number>>();
  for (const row of changed) {
    const was = new Set(Array.from(before(row)));
    const is = new Set(Array.from(after(row)));
    for (const target of was) if (!is.has(target)) getOr(lost, target, () => new Set<number>()).add(row);
    for (const target of is) if (!was.has(target)) getOr(gained, target, () => []).push(row);
  }
  const rows = new ChangedRowsOf(transposed);
  for (const target of new Set([...gained.keys(), ...lost.keys()])) {
    rows.set(target, mergedRow(rows.get(target), lost.get(target), ascending(gained.get(target) ?? [])));
  }
  return rows.packed(targetCount);
}

/**
 * An ascending row without the `gone` values and with the `added` ones (ascending, none in it yet), in one
 * merge: a theme's row lists tens of thousands of actors, and a catch-up changes a handful of them.
 */
function mergedRow(row: Int32Array, gone: Set<number> | undefined, added: Int32Array): Int32Array {
  const merged = new Int32Array(row.length + added.length);
  let k = 0;
  let a = 0;
  for (let n = 0; n < row.length; n++) {
    const value = row[n]!;
    if (gone?.has(value)) continue;
    while (a < added.length && added[a]! < value) merged[k++] = added[a++]!;
    merged[k++] = value;
  }
  while (a < added.length) merged[k++] = added[a++]!;
  return merged.subarray(0, k);
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
