import { distance } from 'fastest-levenshtein';
import { foldedWords, MIN_FUZZY_LENGTH, MIN_PREFIX_LENGTH } from './words.ts';

/** What the candidate statement found about one node. */
export interface SearchCandidate<Hit = unknown> {
  id: string;
  name: string;
  /** A person's title, searched with the name. */
  title: string | null;
  /** Lucene's score in the Swedish indexes, 0 where they missed it. */
  textScore: number;
  /** Its organisationsnummer is one the text names. */
  numbered: boolean;
  /** It works in a kommun or län the text names, in `spread` kommuner in all. */
  inPlace: boolean;
  spread: number;
  /** A kommun's own organisation (a municipal unit that is part of nothing) in a kommun the text names. */
  placeHome: boolean;
  /** The node's record, as the page shows it. */
  hit: Hit;
}

/** The weights of the ranking; README's "Search" section explains them. */
export const rankingWeights = {
  exactName: 8,
  organizationNumber: 8,
  nameWords: 4,
  placeHome: 1,
  place: 1,
  text: 1,
  nameCloseness: 2,
} as const;

/**
 * How well a name holds one typed word: 1 for the word itself, or for the last word as the start of a
 * name word (typing it is not finished yet); 0.5 for a word of five letters or more one edit away; 0 else.
 */
function wordMatch(typed: string, isLast: boolean, nameWords: string[]): number {
  if (nameWords.includes(typed)) return 1;
  if (isLast && typed.length >= MIN_PREFIX_LENGTH && nameWords.some((word) => word.startsWith(typed))) return 1;
  if (typed.length >= MIN_FUZZY_LENGTH && nameWords.some((word) => distance(typed, word) <= 1)) return 0.5;
  return 0;
}

/** The share of the name's words that some typed word matches: of two names holding the text, the one with less else. */
export function nameCloseness(words: string[], name: string): number {
  const nameWords = foldedWords(name);
  if (nameWords.length === 0) return 0;
  const matched = nameWords.filter((nameWord) => words.some((typed, index) => wordMatch(typed, index === words.length - 1, [nameWord]) > 0));
  return matched.length / nameWords.length;
}

/** The share of the typed words the name (with a person's title) holds, each as wordMatch counts it. */
export function nameCoverage(words: string[], name: string, title: string | null = null): number {
  if (words.length === 0) return 0;
  const nameWords = foldedWords(`${name} ${title ?? ''}`);
  const total = words.reduce((sum, typed, index) => sum + wordMatch(typed, index === words.length - 1, nameWords), 0);
  return total / words.length;
}

/** The name is the text, word for word, after case, punctuation and diacritics are dropped. */
export function isExactName(words: string[], name: string): boolean {
  return words.length > 0 && foldedWords(name).join(' ') === words.join(' ');
}

/**
 * Orders candidates best first. Each part is a share from 0 to 1 times its weight: an exact name, an
 * organisationsnummer, the share of typed words the name holds (typos count half), a kommun's own
 * organisation when its place is named, working in a named place (more for working there alone),
 * Swedish full-text relevance of name and description (relative to the best of the same search), and
 * the share of the name's words that were typed.
 */
export function rankCandidates<Hit>(words: string[], candidates: SearchCandidate<Hit>[]): SearchCandidate<Hit>[] {
  const bestText = Math.max(0, ...candidates.map((candidate) => candidate.textScore));
  const w = rankingWeights;
  const scored = candidates.map((candidate) => ({
    candidate,
    score:
      (isExactName(words, candidate.name) ? w.exactName : 0) +
      (candidate.numbered ? w.organizationNumber : 0) +
      w.nameWords * nameCoverage(words, candidate.name, candidate.title) +
      (candidate.placeHome ? w.placeHome : 0) +
      (candidate.inPlace ? w.place * (0.5 + 0.5 / Math.max(1, candidate.spread)) : 0) +
      (bestText > 0 ? (w.text * candidate.textScore) / bestText : 0) +
      w.nameCloseness * nameCloseness(words, candidate.name),
  }));
  scored.sort((a, b) => b.score - a.score || a.candidate.name.localeCompare(b.candidate.name, 'sv') || a.candidate.id.localeCompare(b.candidate.id));
  return scored.map((entry) => entry.candidate);
}
