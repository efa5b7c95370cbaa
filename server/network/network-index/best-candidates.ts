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

  /** The lowest score a further candidate could still be taken with (by its name), or -Infinity while there is room. */
  scoreToReach(): number {
    return this.entries.length < this.size ? -Infinity : this.entries[this.entries.length - 1]!.score;
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
