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
 * How well a name word holds one typed word: 1 for the word itself, or for the last word as the start of
 * the name word (typing it is not finished yet); 0.5 for a word of five letters or more one edit away; 0 else.
 */
function wordMatch(typed: string, isLast: boolean, nameWord: string): number {
  if (nameWord === typed) return 1;
  if (isLast && typed.length >= MIN_PREFIX_LENGTH && nameWord.startsWith(typed)) return 1;
  if (typed.length >= MIN_FUZZY_LENGTH && Math.abs(typed.length - nameWord.length) <= 1 && distance(typed, nameWord) <= 1) return 0.5;
  return 0;
}

/** What the ranking weighs of a name against the typed words, each a share from 0 to 1. */
export interface NameMatch {
  /** The name is the text, word for word, after case, punctuation and diacritics are dropped. */
  exact: boolean;
  /** The share of the typed words the name (with a person's title) holds, each as wordMatch counts it. */
  coverage: number;
  /** The share of the name's words that some typed word matches: of two names holding the text, the one with less else. */
  closeness: number;
}

/** Each name word is folded once and matched against each typed word once. */
export function nameMatch(words: string[], name: string, title: string | null = null): NameMatch {
  const nameWords = foldedWords(name);
  const titleWords = title ? foldedWords(title) : [];
  if (words.length === 0) return { exact: false, coverage: 0, closeness: 0 };
  const matched = new Array<boolean>(nameWords.length).fill(false);
  let total = 0;
  words.forEach((typed, index) => {
    const isLast = index === words.length - 1;
    let best = 0;
    nameWords.forEach((nameWord, at) => {
      const match = wordMatch(typed, isLast, nameWord);
      if (match > 0) matched[at] = true;
      best = Math.max(best, match);
    });
    for (const titleWord of titleWords) best = Math.max(best, wordMatch(typed, isLast, titleWord));
    total += best;
  });
  return {
    exact: nameWords.length === words.length && nameWords.every((word, at) => word === words[at]),
    coverage: total / words.length,
    closeness: nameWords.length === 0 ? 0 : matched.filter(Boolean).length / nameWords.length,
  };
}

/** Ties go by name in Swedish order; one collator for every search, where localeCompare(…, 'sv') would make one per comparison. */
const swedishOrder = new Intl.Collator('sv').compare;

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
  const scored = candidates.map((candidate) => {
    const name = nameMatch(words, candidate.name, candidate.title);
    return {
      candidate,
      score:
        (name.exact ? w.exactName : 0) +
        (candidate.numbered ? w.organizationNumber : 0) +
        w.nameWords * name.coverage +
        (candidate.placeHome ? w.placeHome : 0) +
        (candidate.inPlace ? w.place * (0.5 + 0.5 / Math.max(1, candidate.spread)) : 0) +
        (bestText > 0 ? (w.text * candidate.textScore) / bestText : 0) +
        w.nameCloseness * name.closeness,
    };
  });
  scored.sort((a, b) => b.score - a.score || swedishOrder(a.candidate.name, b.candidate.name) || a.candidate.id.localeCompare(b.candidate.id));
  return scored.map((entry) => entry.candidate);
}
