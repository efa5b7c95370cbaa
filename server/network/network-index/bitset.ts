/** Fixed-width sets of small integers (themes, län), `words` 32-bit words per row of a shared array. */
export const wordsFor = (size: number) => Math.max(1, Math.ceil(size / 32));

export function addBit(bits: Uint32Array, row: number, words: number, bit: number): void {
  bits[row * words + (bit >>> 5)]! |= 1 << (bit & 31);
}

export function hasBit(bits: Uint32Array, row: number, words: number, bit: number): boolean {
  return (bits[row * words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
}

/** Ors row `from` of `source` into row `to` of `target`. */
export function orRow(target: Uint32Array, to: number, source: Uint32Array, from: number, words: number): void {
  for (let w = 0; w < words; w++) target[to * words + w]! |= source[from * words + w]!;
}

/** How many members row `row` of `bits` shares with `mask` (one row of `words` words). */
export function sharedCount(bits: Uint32Array, row: number, mask: Uint32Array, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount(bits[row * words + w]! & mask[w]!);
  return count;
}

/** How many members row `row` of `bits` holds. */
export function memberCount(bits: Uint32Array, row: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount(bits[row * words + w]!);
  return count;
}

/** The members of one row, in order. */
export function membersOf(bits: Uint32Array, row: number, words: number): number[] {
  const members: number[] = [];
  for (let w = 0; w < words; w++) {
    for (let word = bits[row * words + w]!; word !== 0; word &= word - 1) members.push(w * 32 + (31 - Math.clz32(word & -word)));
  }
  return members;
}

export function popcount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
