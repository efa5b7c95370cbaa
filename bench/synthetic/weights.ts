/** A discrete distribution: index i is drawn with probability weights[i] / sum. */
export class WeightTable {
  private readonly cumulative: Float64Array;

  constructor(readonly weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('a weight table needs a positive total weight');
  }

  get size(): number {
    return this.weights.length;
  }

  /** The index whose share of the total holds the point `unit` (0 ≤ unit < 1). */
  indexAt(unit: number): number {
    const target = unit * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Zipf's law: the item of rank r (from 1) weighs 1 / r^exponent. */
export function zipfWeights(count: number, exponent: number): number[] {
  return Array.from({ length: count }, (_, i) => 1 / (i + 1) ** exponent);
}

/**
 * Splits `total` into whole parts in proportion to the weights, summing exactly to `total`
 * (largest remainder), so that a scale's counts are exact and need no random draws.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let missing = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - parts[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

/**
 * Consecutive index ranges, one per group, from the groups' sizes: entity i belongs to the group
 * whose range holds it. The places of associations, units and role models are laid out this way,
 * so "the associations of a kommun" is a range and needs no index of its own.
 */
export class Ranges {
  private readonly starts: Int32Array;

  constructor(sizes: readonly number[]) {
    this.starts = new Int32Array(sizes.length + 1);
    sizes.forEach((size, i) => (this.starts[i + 1] = this.starts[i]! + size));
  }

  get total(): number {
    return this.starts[this.starts.length - 1]!;
  }

  /** How many groups there are. */
  get groups(): number {
    return this.starts.length - 1;
  }

  start(group: number): number {
    return this.starts[group]!;
  }

  /** One past the last index of the group. */
  end(group: number): number {
    return this.starts[group + 1]!;
  }

  size(group: number): number {
    return this.end(group) - this.start(group);
  }

  /** The group that index belongs to. */
  groupOf(index: number): number {
    let low = 0;
    let high = this.starts.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
