// Lucene gives these characters a meaning; user text is searched for as words, never as syntax.
const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;

// AND, OR and NOT are operators only in capitals; the analyzer lowercases words anyway.
const luceneOperator = /^(AND|OR|NOT)$/;

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => (luceneOperator.test(word) ? word.toLowerCase() : word).replace(luceneSpecial, (character) => `\\${character}`))
    .filter(Boolean);
}

/** Every word must match (a filter). */
export function allWordsQuery(text: string): string {
  return words(text)
    .map((word) => `+${word}`)
    .join(' ');
}

/** Any word may match; more matching words rank higher (a search). */
export function anyWordQuery(text: string): string {
  return words(text).join(' ');
}
