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

/** One word's forms in a name query: itself (boosted), the last word also as a prefix (search as you type), and one typo when asked. */
function wordForms(word: string, isLast: boolean, typo: boolean): string {
  const forms = [`${word}^4`];
  if (isLast && word.length >= MIN_PREFIX_LENGTH) forms.push(`${word}*^2`);
  if (typo && word.length >= MIN_FUZZY_LENGTH) forms.push(`${word}~1`);
  return `(${forms.join(' ')})`;
}

/**
 * The Lucene query for names that hold every typed word as typed (the last may be cut short). Names
 * found so hold all the text, and a name with a typo ranks below them; when they fill the candidates,
 * the typo forms, which cost Lucene a walk through every name word, are not asked (see search-query.ts).
 * The words are folded letters and digits only, so nothing in them is Lucene syntax.
 */
export function allWordsNameQuery(words: string[]): string {
  return words.map((word, index) => `+${wordForms(word, index === words.length - 1, false)}`).join(' ');
}

/**
 * The Lucene query over names where any word may match: each word exactly (boosted), the last also as a
 * prefix, and each word of five letters or more within one edit.
 */
export function nameQuery(words: string[]): string {
  return words.map((word, index) => wordForms(word, index === words.length - 1, true)).join(' ');
}
