import { distance } from 'fastest-levenshtein';
import { referenceCatalog } from '../../reference/catalog.ts';
import { foldedWords, MIN_FUZZY_LENGTH } from './words.ts';

interface Place {
  words: string[];
  municipalities: string[];
}

let places: Place[] | undefined;

/**
 * Every kommun and län by the words of its name (a län without "län": people write "Dalarna" for
 * Dalarnas län), with the kommuner it covers.
 */
function allPlaces(): Place[] {
  if (places) return places;
  const catalog = referenceCatalog();
  const kommuner = [...catalog.municipalities.values()];
  places = [
    ...kommuner.map((kommun) => ({ words: foldedWords(kommun.name), municipalities: [kommun.code] })),
    ...[...catalog.countyNames].map(([code, name]) => ({
      words: foldedWords(name).filter((word) => word !== 'lan'),
      municipalities: kommuner.filter((kommun) => kommun.county === code).map((kommun) => kommun.code),
    })),
  ];
  return places;
}

/** A typed word names a word of a place: the same, its genitive ("Hedemoras", "Dalarnas"), or one typo away. */
function sameWord(typed: string, placeWord: string): boolean {
  const bare = (word: string) => word.replace(/s$/, '');
  if (typed === placeWord || bare(typed) === bare(placeWord)) return true;
  return Math.min(typed.length, placeWord.length) >= MIN_FUZZY_LENGTH && distance(typed, placeWord) <= 1;
}

/** The kommun codes of every kommun and län the text names with all the words of its name. */
export function municipalitiesNamed(words: string[]): string[] {
  const codes = new Set<string>();
  for (const place of allPlaces()) {
    if (place.words.length > 0 && place.words.every((placeWord) => words.some((typed) => sameWord(typed, placeWord)))) {
      for (const code of place.municipalities) codes.add(code);
    }
  }
  return [...codes].sort();
}
