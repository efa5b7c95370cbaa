import { distance } from 'fastest-levenshtein';
import { referenceCatalog } from '../../reference/catalog.ts';
import { foldedWords, MIN_FUZZY_LENGTH } from './words.ts';

interface Place {
  words: string[];
  municipalities: string[];
}

/** Every place, and each distinct word of their names with its bare form: the words a typed word is held against. */
interface Places {
  places: Place[];
  words: { word: string; bare: string }[];
}

let places: Places | undefined;

/** A genitive's s dropped: "Hedemoras", "Dalarnas". */
const bare = (word: string) => word.replace(/s$/, '');

/**
 * Every kommun and län by the words of its name (a län without "län": people write "Dalarna" for
 * Dalarnas län), with the kommuner it covers.
 */
function allPlaces(): Places {
  if (places) return places;
  const catalog = referenceCatalog();
  const kommuner = [...catalog.municipalities.values()];
  const list = [
    ...kommuner.map((kommun) => ({ words: foldedWords(kommun.name), municipalities: [kommun.code] })),
    ...[...catalog.countyNames].map(([code, name]) => ({
      words: foldedWords(name).filter((word) => word !== 'lan'),
      municipalities: kommuner.filter((kommun) => kommun.county === code).map((kommun) => kommun.code),
    })),
  ];
  const words = [...new Set(list.flatMap((place) => place.words))].map((word) => ({ word, bare: bare(word) }));
  places = { places: list, words };
  return places;
}

/** A typed word names a word of a place: the same, its genitive ("Hedemoras", "Dalarnas"), or one typo away. */
function sameWord(typed: string, typedBare: string, place: { word: string; bare: string }): boolean {
  if (typed === place.word || typedBare === place.bare) return true;
  return (
    Math.min(typed.length, place.word.length) >= MIN_FUZZY_LENGTH &&
    Math.abs(typed.length - place.word.length) <= 1 &&
    distance(typed, place.word) <= 1
  );
}

/**
 * The kommun codes of every kommun and län the text names with all the words of its name. Each typed
 * word is held once against each distinct word of the places' names, not once per place.
 */
export function municipalitiesNamed(words: string[]): string[] {
  const { places: list, words: placeWords } = allPlaces();
  const typed = words.map((word) => ({ word, bare: bare(word) }));
  const named = new Set(placeWords.filter((place) => typed.some((word) => sameWord(word.word, word.bare, place))).map((place) => place.word));
  if (named.size === 0) return [];
  const codes = new Set<string>();
  for (const place of list) {
    if (place.words.length > 0 && place.words.every((word) => named.has(word))) {
      for (const code of place.municipalities) codes.add(code);
    }
  }
  return [...codes].sort();
}
