/** Strings in Cypher's order: JavaScript's `<` compares UTF-16 code units, as Cypher does. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each of `count` items' place once sorted by `compare`. Computed once per snapshot, so that a request
 * orders its candidates by comparing integers instead of text.
 */
export function ranksInOrder(count: number, compare: (a: number, b: number) => number): Int32Array {
  const ranks = new Int32Array(count);
  [...Array(count).keys()].sort(compare).forEach((item, rank) => (ranks[item] = rank));
  return ranks;
}

/** Actors in the order of Cypher's `ORDER BY name, id`: a missing name last. */
export function nameRanks(names: (string | null)[], ids: string[]): Int32Array {
  return ranksInOrder(ids.length, (a, b) => {
    const name = names[a] ?? null;
    const other = names[b] ?? null;
    if (name === other) return compareText(ids[a]!, ids[b]!);
    if (name === null) return 1;
    if (other === null) return -1;
    return compareText(name, other);
  });
}
