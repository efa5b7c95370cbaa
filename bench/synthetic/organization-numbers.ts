/**
 * Valid, unique organisationsnummer without drawing and remembering: index i is mapped into a block of
 * numbers by an affine permutation (a·i + b mod size, a coprime with size), so distinct indexes get
 * distinct numbers, and the number of entity i is known without the ones before it.
 */

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function withCheckDigit(body: string): string {
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

/**
 * Knuth's multiplicative-hash prime: it shares no factor with the block sizes below (products of 2 and 5),
 * and its large remainder scatters neighbouring indexes across the block.
 */
const MULTIPLIER = 2_654_435_761;

function permute(index: number, size: number, offset: number): number {
  if (index < 0 || index >= size) throw new RangeError(`organisationsnummer block of ${size} has no number ${index}`);
  // Reduced first, so the product stays an exact integer (below 2^53) for any block here.
  return ((MULTIPLIER % size) * index + offset) % size;
}

/**
 * An ideell förening: 8, a digit, a third digit of 2–9 (which makes it an organisation's, not a
 * person's), six digits and the Luhn digit. 80 million numbers; the seed moves the block's start.
 */
export function associationNumber(index: number, seed: number): string {
  const n = permute(index, 80_000_000, seed % 80_000_000);
  const first = Math.floor(n / 8_000_000);
  const rest = n % 8_000_000;
  return withCheckDigit(`8${first}${2 + Math.floor(rest / 1_000_000)}${String(rest % 1_000_000).padStart(6, '0')}`);
}

/** An aktiebolag: 55, a digit of 2–9, six digits and the Luhn digit. */
export function businessNumber(index: number, seed: number): string {
  const n = permute(index, 8_000_000, seed % 8_000_000);
  return withCheckDigit(`55${2 + Math.floor(n / 1_000_000)}${String(n % 1_000_000).padStart(6, '0')}`);
}

/** The public sector's prefixes: 202100 for state authorities, 212000 for kommuner, 232100 for regions. */
export function publicNumber(prefix: '202100' | '212000' | '232100', index: number): string {
  return withCheckDigit(`${prefix}${String(permute(index, 1_000, 0)).padStart(3, '0')}`);
}
