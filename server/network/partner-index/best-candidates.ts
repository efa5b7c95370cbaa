/** The best `size` candidates seen so far, kept in order: score descending, then name, then id. */
export class BestCandidates {
  private readonly entries: { actor: number; score: number }[] = [];

  constructor(
    private readonly size: number,
    private readonly names: (string | null)[],
    private readonly ids: string[],
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

  /** Whether `actor` comes before `other`. A missing name sorts last, as in Cypher. */
  private before(actor: number, score: number, other: { actor: number; score: number }): boolean {
    if (score !== other.score) return score > other.score;
    const name = this.names[actor] ?? null;
    const otherName = this.names[other.actor] ?? null;
    if (name !== otherName) {
      if (name === null) return false;
      if (otherName === null) return true;
      return name < otherName;
    }
    return this.ids[actor]! < this.ids[other.actor]!;
  }
}
