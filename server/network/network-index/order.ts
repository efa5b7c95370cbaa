/** Strings in Cypher's order: JavaScript's `<` compares UTF-16 code units, as Cypher does. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type Compare = (a: number, b: number) => number;

/** Items 0 … count − 1 sorted by `compare`. */
export function sortedItems(count: number, compare: Compare): Int32Array {
  return Int32Array.from([...Array(count).keys()].sort(compare));
}

/**
 * Each item's place in `order`. Kept with the snapshot, so that a request orders its candidates by
 * comparing integers instead of text.
 */
export function ranksOf(order: Int32Array, count: number): Int32Array {
  const ranks = new Int32Array(count);
  for (let rank = 0; rank < order.length; rank++) ranks[order[rank]!] = rank;
  return ranks;
}

/**
 * `order` with the `moved` items taken out and put back where `compare` places them now (new items
 * among them included, and only those `kept`): one merge of two sorted lists, instead of sorting every
 * item again.
 */
export function reordered(order: Int32Array, moved: Set<number>, compare: Compare, kept: (item: number) => boolean = () => true): Int32Array {
  const placed = [...moved].filter(kept).sort(compare);
  // Membership as a typed array: the loops below ask it once for every item in the order.
  let size = largest(order) + 1;
  for (const item of moved) size = Math.max(size, item + 1);
  const isMoved = new Uint8Array(size);
  for (const item of moved) isMoved[item] = 1;
  let movedInOrder = 0;
  for (let n = 0; n < order.length; n++) movedInOrder += isMoved[order[n]!]!;
  const result = new Int32Array(order.length - movedInOrder + placed.length);
  let k = 0;
  let p = 0;
  for (let n = 0; n < order.length; n++) {
    const item = order[n]!;
    if (isMoved[item]) continue;
    while (p < placed.length && compare(placed[p]!, item) < 0) result[k++] = placed[p++]!;
    result[k++] = item;
  }
  while (p < placed.length) result[k++] = placed[p++]!;
  return result;
}

function largest(items: Int32Array): number {
  let max = -1;
  for (let n = 0; n < items.length; n++) if (items[n]! > max) max = items[n]!;
  return max;
}

/** Actors in the order of Cypher's `ORDER BY name, id`: a missing name last. */
export function compareNames(names: (string | null)[], ids: string[]): Compare {
  return (a, b) => {
    const name = names[a] ?? null;
    const other = names[b] ?? null;
    if (name === other) return compareText(ids[a]!, ids[b]!);
    if (name === null) return 1;
    if (other === null) return -1;
    return compareText(name, other);
  };
}

/** Initiatives in the order of their ids, as Cypher's `a.id < b.id` forms a pair once. */
export const compareIds = (ids: string[]): Compare => (a, b) => compareText(ids[a]!, ids[b]!);
