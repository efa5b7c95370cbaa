import { anyWordQuery } from '../../shared/fulltext.ts';

/**
 * The words of a search text as the name index (`standard-folding`) sees them: lower case, without
 * diacritics, split at anything that is not a letter or a digit. Query syntax is punctuation, so it
 * never reaches Lucene: `AND (x OR *)` becomes the words and, x, or.
 */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Below this length a word gets no typo allowance: short words have too many neighbours one edit away. */
export const MIN_FUZZY_LENGTH = 5;

/** A last word shorter than this is not widened to a prefix (one letter would match half the names). */
export const MIN_PREFIX_LENGTH = 2;

/**
 * The Lucene query over names: each word exactly (boosted), the last also as a prefix (search as you
 * type), and each word of five letters or more within one edit. The words are folded letters and
 * digits only, so nothing in them is Lucene syntax.
 */
export function nameQuery(words: string[]): string {
  return words
    .map((word, index) => {
      const forms = [`${word}^4`];
      if (index === words.length - 1 && word.length >= MIN_PREFIX_LENGTH) forms.push(`${word}*^2`);
      if (word.length >= MIN_FUZZY_LENGTH) forms.push(`${word}~1`);
      return `(${forms.join(' ')})`;
    })
    .join(' ');
}

/**
 * The Lucene query over the Swedish indexes: any word (escaped, as filters escape it), and the last
 * word also as a prefix when it is plain letters and digits, so that descriptions are found while typing too.
 */
export function swedishTextQuery(text: string): string {
  const query = anyWordQuery(text);
  const last = text.trim().split(/\s+/).at(-1) ?? '';
  return /^[\p{L}\p{N}]+$/u.test(last) && last.length >= MIN_PREFIX_LENGTH ? `${query} ${last.toLowerCase()}*` : query;
}
