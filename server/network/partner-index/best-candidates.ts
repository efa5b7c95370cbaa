/**
 * Each actor's place in the order Cypher's `ORDER BY name, id` gives: a missing name last, and
 * JavaScript's `<` compares strings by UTF-16 code units as Cypher does. Computed once per snapshot,
 * so that ranking the candidates of a request compares integers instead of names.
 */
export function nameRanks(names: (string | null)[], ids: string[]): Int32Array {
  const order = [...ids.keys()].sort((a, b) => {
    const name = names[a] ?? null;
    const other = names[b] ?? null;
    if (name !== other) {
      if (name === null) return 1;
      if (other === null) return -1;
      return name < other ? -1 : 1;
    }
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
  });
  const ranks = new Int32Array(ids.length);
  order.forEach((actor, rank) => (ranks[actor] = rank));
  return ranks;
}

/** The best `size` candidates seen so far, kept in order: score descending, then name, then id (by `nameRanks`). */
export class BestCandidates {
  private readonly entries: { actor: number; score: number }[] = [];

  constructor(
    private readonly size: number,
    private readonly ranks: Int32Array,
  ) {}

  wouldTake(actor: number, score: number): boolean {
    return this.entries.length < this.size || this.before(actor, score, this.entries[this.entries.length - 1]!);
  }

  add(actor: number, score: number): void {
    let at = this.entries.length;
    while (at > 0 && this.before(actor, score, this.entries[at - 1]!)) at--;
    this.entries.splice(at, 0, { actor, score });
    if (this.entries.length > this.size) this.entries.pop();
  }

  inOrder() {
    return this.entries;
  }

  private before(actor: number, score: number, other: { actor: number; score: number }): boolean {
    return score !== other.score ? score > other.score : this.ranks[actor]! < this.ranks[other.actor]!;
  }
}
