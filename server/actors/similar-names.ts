import { distance } from 'fastest-levenshtein';

// Words that say what kind of organisation it is, not which one.
// JavaScript's \b knows no å, ä or ö, so word edges are spelled out as "no letter on either side".
const commonWords = /(?<!\p{L})(förening(en)?|föreningar|ideell|ideella|riksförbund(et)?|förbund(et)?|klubb(en)?|sällskap(et)?|i|och|av|för)(?!\p{L})/gu;

function normalize(name: string): string {
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
  const x = normalize(a);
  const y = normalize(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return distance(x, y) <= Math.floor(Math.max(x.length, y.length) / 5);
}
