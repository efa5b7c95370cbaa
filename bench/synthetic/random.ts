import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { WeightTable } from './weights.ts';

/** MurmurHash3's finaliser: spreads every input bit over the whole 32-bit word. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a of a stream's name, so that streams are named in code rather than numbered. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Draws for one entity of one stream. Every entity gets a generator of its own, seeded from
 * (seed, stream, index), so any entity can be made again without making the ones before it:
 * that is what lets the loader generate lazily, twice, and the samples pick without a database.
 */
export class Random {
  constructor(private readonly generator: RandomGenerator) {}

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** An index drawn in proportion to the table's weights. */
  weighted(table: WeightTable): number {
    return table.indexAt(this.float());
  }

  /**
   * An integer in [min, max] that is mostly small: u^exponent bunches the draws towards min,
   * a heavy tail for exponents above 1 (how many partners a project has, how busy an association is).
   */
  skewed(min: number, max: number, exponent: number): number {
    return min + Math.min(max - min, Math.floor((max - min + 1) * this.float() ** exponent));
  }

  /** Up to `count` distinct indexes drawn by weight; gives up on a draw after a few repeats. */
  distinctWeighted(table: WeightTable, count: number): number[] {
    const chosen = new Set<number>();
    for (let attempt = 0; chosen.size < count && attempt < count * 8; attempt++) chosen.add(this.weighted(table));
    return [...chosen];
  }
}

export function randomFor(seed: number, stream: string, index: number): Random {
  const a = mix32(seed ^ 0x9e3779b9);
  const b = mix32(a ^ hashName(stream));
  const c = mix32(b ^ index);
  const d = mix32(c ^ 0x632be5ab);
  // xoroshiro must not start from an all-zero state; the constant keeps the last word non-zero.
  return new Random(xoroshiro128plusFromState([a, b, c, d | 1]));
}
