import { distance } from 'fastest-levenshtein';

// Words that say what kind of organisation it is, not which one.
// JavaScript's \b knows no å, ä or ö, so word edges are spelled out as "no letter on either side".
const commonWords = /(?<!\p{L})(förening(en)?|föreningar|ideell|ideella|riksförbund(et)?|förbund(et)?|klubb(en)?|sällskap(et)?|i|och|av|för)(?!\p{L})/gu;

/** A name as likely duplicates are compared: lower case, without punctuation or words that say only what kind of organisation it is. */
export function normalizedName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(commonWords, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two names that a reviewer should look at together. */
export function namesAlike(a: string, b: string): boolean {
  return normalizedNamesAlike(normalizedName(a), normalizedName(b));
}

/** The same for names normalised already, so that a long list is normalised once rather than for every pair. */
export function normalizedNamesAlike(x: string, y: string): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  const bound = Math.floor(Math.max(x.length, y.length) / 5);
  // Two names differ in at least as many edits as in length: most pairs are told apart without the distance.
  return Math.abs(x.length - y.length) <= bound && distance(x, y) <= bound;
}
