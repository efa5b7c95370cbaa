import type { OverlapFilter } from '../overlap-query.ts';
import { parsePartialDate, type PartialDate } from '../../shared/partial-date.ts';
import { rowLength, rowOf, sharedInRows } from './adjacency.ts';
import { popcount } from './bitset.ts';
import type { NetworkSnapshot } from './snapshot.ts';

/** A pair of overlapping initiatives, by id, with what the index scored; the naming statement adds the rest. */
export interface OverlapKeys {
  a: string;
  b: string;
  score: number;
  overlappingDays: number | null;
}

const epochDay = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** A period's first day: its start, or its end when only that is known; NaN when undated. */
const firstDayOf = (firstDays: Float64Array, lastDays: Float64Array, i: number) => (Number.isNaN(firstDays[i]!) ? lastDays[i]! : firstDays[i]!);

/** What a pair must meet, from the filter: the themes and kommuner it may share, and the days both must be active. */
interface PairRules {
  themeMask: Uint32Array;
  placeAllowed: Uint8Array;
  active: (i: number) => boolean;
  todayDay: number;
}

/**
 * The best `first` overlaps, as overlap-query.ts defines them: pairs of initiatives from different
 * families that share a theme and a kommun (both in the filter, when it names them) and whose periods
 * meet. Each pair is formed once, from the initiative with the smaller id, and scored with the
 * floating-point operations of a Cypher statement in the same order, so that scores and ties come out
 * the same: the tests hold it to the benchmark floor's hand-written statement (bench/floor/queries.ts).
 *
 * Pairs are formed kommun by kommun, so a pair's cost is paid only where two initiatives share a place:
 * the square of a big kommun's initiatives, not of the country's. With an initiative in the filter only
 * its own pairs are formed, from the initiatives of its kommuner; one the index does not hold (hidden,
 * or no initiative) is in none.
 */
export function findOverlaps(snapshot: NetworkSnapshot, filter: OverlapFilter, first: number, today: string): OverlapKeys[] {
  const { initiatives } = snapshot;
  const rules = pairRules(snapshot, filter, today);
  const best = new BestPairs(first, initiatives.names, initiatives.idRanks);
  if (filter.initiative) {
    const one = initiatives.index.get(filter.initiative);
    if (one !== undefined) pairsOfOne(snapshot, one, rules, best);
  } else {
    allPairs(snapshot, rules, best);
  }
  return best.inOrder().map(({ a, b, score, overlappingDays }) => ({ a: initiatives.ids[a]!, b: initiatives.ids[b]!, score, overlappingDays }));
}

function pairRules(snapshot: NetworkSnapshot, filter: OverlapFilter, today: string): PairRules {
  const activeInRange = activeOn(snapshot, filter.activeOn);
  const existedOnDay = activeOn(snapshot, filter.asOf ? parsePartialDate(filter.asOf) : null);
  return {
    themeMask: themeMaskOf(snapshot, filter.themes),
    placeAllowed: placesAllowed(snapshot, filter),
    active: (i) => activeInRange(i) && existedOnDay(i),
    todayDay: epochDay(today),
  };
}

function allPairs(snapshot: NetworkSnapshot, rules: PairRules, best: BestPairs): void {
  const { initiatives, municipalities } = snapshot;
  const pairedWith = new Int32Array(initiatives.count).fill(-1);
  const started = new Uint8Array(initiatives.count);
  for (let m = 0; m < municipalities.codes.length; m++) {
    if (!rules.placeAllowed[m]) continue;
    for (const a of rowOf(initiatives.byMunicipality, m)) {
      if (started[a] || !rules.active(a)) continue;
      started[a] = 1;
      for (const place of rowOf(initiatives.municipalities, a)) {
        if (!rules.placeAllowed[place]) continue;
        for (const b of rowOf(initiatives.byMunicipality, place)) {
          if (initiatives.idRanks[b]! <= initiatives.idRanks[a]! || pairedWith[b] === a) continue;
          if (!sharesMaskedTheme(snapshot, a, b, rules.themeMask) || !rules.active(b)) continue;
          pairedWith[b] = a;
          scoreInto(snapshot, a, b, rules, best);
        }
      }
    }
  }
}

/** The pairs of one initiative: each other initiative of its allowed kommuner once, the pair ordered by id as allPairs forms it. */
function pairsOfOne(snapshot: NetworkSnapshot, one: number, rules: PairRules, best: BestPairs): void {
  const { initiatives } = snapshot;
  if (!rules.active(one)) return;
  const met = new Set<number>([one]);
  for (const place of rowOf(initiatives.municipalities, one)) {
    if (!rules.placeAllowed[place]) continue;
    for (const other of rowOf(initiatives.byMunicipality, place)) {
      if (met.has(other)) continue;
      met.add(other);
      if (!sharesMaskedTheme(snapshot, one, other, rules.themeMask) || !rules.active(other)) continue;
      if (initiatives.idRanks[other]! < initiatives.idRanks[one]!) scoreInto(snapshot, other, one, rules, best);
      else scoreInto(snapshot, one, other, rules, best);
    }
  }
}

/** Scores a pair that shares an allowed theme and kommun, and keeps it if it places. */
function scoreInto(snapshot: NetworkSnapshot, a: number, b: number, rules: PairRules, best: BestPairs): void {
  // A root in common: parts of one whole, not an overlap.
  if (sharedInRows(snapshot.initiatives.roots, a, b) > 0) return;
  const overlap = scorePair(snapshot, a, b, rules.todayDay);
  if (overlap && best.wouldTake(a, b, overlap.score)) best.add({ a, b, ...overlap });
}

function themeMaskOf(snapshot: NetworkSnapshot, themes: string[] | null | undefined): Uint32Array {
  const mask = new Uint32Array(snapshot.themes.words);
  if (!themes?.length) return mask.fill(0xffffffff);
  for (const key of themes) {
    const t = snapshot.themes.keys.indexOf(key);
    if (t >= 0) mask[t >>> 5]! |= 1 << (t & 31);
  }
  return mask;
}

/** The kommuner a pair may share: those named, in the län named, or all. */
function placesAllowed(snapshot: NetworkSnapshot, filter: OverlapFilter): Uint8Array {
  const { codes, county } = snapshot.municipalities;
  const named = filter.municipalities?.length ? new Set(filter.municipalities) : null;
  const counties = filter.counties?.length ? new Set(filter.counties) : null;
  return Uint8Array.from(codes, (code, m) =>
    (!named || named.has(code)) && (!counties || (county[m]! >= 0 && counties.has(snapshot.counties.codes[county[m]!]!))) ? 1 : 0,
  );
}

/** initiativeConditions' activeOn (and asOf, a date of one day): a dated initiative whose period meets the given date's days. */
function activeOn(snapshot: NetworkSnapshot, date: PartialDate | null | undefined): (i: number) => boolean {
  if (!date) return () => true;
  const { firstDays, lastDays } = snapshot.initiatives;
  const activeFirst = epochDay(date.first);
  const activeLast = epochDay(date.last);
  return (i) => {
    const start = firstDayOf(firstDays, lastDays, i);
    return !Number.isNaN(start) && start <= activeLast && (Number.isNaN(lastDays[i]!) || lastDays[i]! >= activeFirst);
  };
}

function sharesMaskedTheme(snapshot: NetworkSnapshot, a: number, b: number, mask: Uint32Array): boolean {
  const { themes } = snapshot.initiatives;
  const words = snapshot.themes.words;
  for (let w = 0; w < words; w++) if ((themes[a * words + w]! & themes[b * words + w]! & mask[w]!) !== 0) return true;
  return false;
}

/**
 * The Jaccard similarity of the pair's themes and of its kommuner, plus the share of the shorter period
 * that both cover (0.5 when either is undated). Null when their periods do not meet.
 */
function scorePair(snapshot: NetworkSnapshot, a: number, b: number, today: number): { score: number; overlappingDays: number | null } | null {
  const { themes, municipalities, firstDays, lastDays } = snapshot.initiatives;
  const words = snapshot.themes.words;
  let overlappingDays: number | null = null;
  let shorterDays = 0;
  const aStart = firstDayOf(firstDays, lastDays, a);
  const bStart = firstDayOf(firstDays, lastDays, b);
  if (!Number.isNaN(aStart) && !Number.isNaN(bStart)) {
    const aEnd = Number.isNaN(lastDays[a]!) ? today : lastDays[a]!;
    const bEnd = Number.isNaN(lastDays[b]!) ? today : lastDays[b]!;
    overlappingDays = Math.min(aEnd, bEnd) - Math.max(aStart, bStart) + 1;
    if (overlappingDays <= 0) return null;
    shorterDays = Math.min(aEnd - aStart + 1, bEnd - bStart + 1);
  }
  let sharedThemes = 0;
  let themeUnion = 0;
  for (let w = 0; w < words; w++) {
    sharedThemes += popcount(themes[a * words + w]! & themes[b * words + w]!);
    themeUnion += popcount(themes[a * words + w]! | themes[b * words + w]!);
  }
  const sharedPlaces = sharedInRows(municipalities, a, b);
  const placeUnion = rowLength(municipalities, a) + rowLength(municipalities, b) - sharedPlaces;
  // Summed in the Cypher's order, so that equal scores there are equal here.
  const score = sharedThemes / themeUnion + sharedPlaces / placeUnion + (overlappingDays === null ? 0.5 : overlappingDays / shorterDays);
  return { score, overlappingDays };
}

interface ScoredPair {
  a: number;
  b: number;
  score: number;
  overlappingDays: number | null;
}

/**
 * The best `size` pairs seen so far, in order: score descending, then the first's name, then the second's,
 * then their ids, so that the order does not hang on which pair was met first: one initiative's pairs
 * come in the order they have among all pairs.
 */
class BestPairs {
  private readonly entries: ScoredPair[] = [];

  constructor(
    private readonly size: number,
    private readonly names: string[],
    private readonly idRanks: Int32Array,
  ) {}

  wouldTake(a: number, b: number, score: number): boolean {
    return this.entries.length < this.size || this.before(a, b, score, this.entries[this.entries.length - 1]!);
  }

  add(pair: ScoredPair): void {
    let at = this.entries.length;
    while (at > 0 && this.before(pair.a, pair.b, pair.score, this.entries[at - 1]!)) at--;
    this.entries.splice(at, 0, pair);
    if (this.entries.length > this.size) this.entries.pop();
  }

  inOrder(): ScoredPair[] {
    return this.entries;
  }

  private before(a: number, b: number, score: number, other: ScoredPair): boolean {
    if (score !== other.score) return score > other.score;
    const name = this.names[a]!;
    const otherName = this.names[other.a]!;
    if (name !== otherName) return name < otherName;
    const secondName = this.names[b]!;
    const otherSecondName = this.names[other.b]!;
    if (secondName !== otherSecondName) return secondName < otherSecondName;
    if (a !== other.a) return this.idRanks[a]! < this.idRanks[other.a]!;
    return this.idRanks[b]! < this.idRanks[other.b]!;
  }
}
