import { countiesFile, municipalitiesFile } from '../../server/reference/data-files.ts';
import { WeightTable, zipfWeights } from './weights.ts';

export interface Kommun {
  code: string;
  name: string;
  county: string;
  /** Its position in `kommuner`, which is sorted by län, so that a län's kommuner are consecutive. */
  index: number;
  /** Its share of the country's civic life (associations, initiatives, units), by size rank. */
  weight: number;
}

export interface County {
  code: string;
  name: string;
  index: number;
  /** The first and one-past-last index of its kommuner in `kommuner`. */
  firstKommun: number;
  endKommun: number;
  weight: number;
}

/**
 * The largest kommuner, roughly by population (from memory, not SCB's table: the order is what
 * matters). The four big cities come first, as the brief asks; the rest follow in a fixed order.
 */
const largestFirst = [
  '0180', '1480', '1280', '0380', '0580', '1880', '1980', '1283', '0581', '0680', '2480', '1281', '0126', '1490',
  '0182', '0484', '1380', '2180', '0181', '0780', '0127', '1780', '2281', '0136', '1290', '1384', '0184', '0123',
  '2580', '0163', '0160', '2482', '0880', '1481', '1383', '1080', '2380', '0188', '0980', '2080', '1488', '0480',
  '1485', '1496', '2081',
];

/**
 * Swedish kommun sizes follow Zipf's law with an exponent near 0.83: Stockholm then holds about a tenth
 * of the weight and about sixty times the median kommun's, as it holds of the population.
 */
const KOMMUN_ZIPF_EXPONENT = 0.83;

/** A fixed order for the kommuner after the largest ones: by a hash of the code, so neither alphabet nor seed decides. */
function codeHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function loadPlaces() {
  const countyList = countiesFile().counties;
  const municipalities = municipalitiesFile().municipalities;
  const known = new Set(municipalities.map((m) => m.code));
  const unknown = largestFirst.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new Error(`largestFirst names kommun codes that SCB's list lacks: ${unknown.join(', ')}`);

  const ranked = [
    ...largestFirst,
    ...municipalities
      .map((m) => m.code)
      .filter((code) => !largestFirst.includes(code))
      .sort((a, b) => codeHash(a) - codeHash(b) || a.localeCompare(b)),
  ];
  const weights = zipfWeights(ranked.length, KOMMUN_ZIPF_EXPONENT);
  const weightOf = new Map(ranked.map((code, rank) => [code, weights[rank]!]));

  const countyOrder = new Map(countyList.map((county, i) => [county.code, i]));
  const kommuner: Kommun[] = [...municipalities]
    .sort((a, b) => countyOrder.get(a.county)! - countyOrder.get(b.county)! || a.code.localeCompare(b.code))
    .map((m, index) => ({ code: m.code, name: m.name, county: m.county, index, weight: weightOf.get(m.code)! }));

  const counties: County[] = countyList.map((county, index) => {
    const members = kommuner.filter((kommun) => kommun.county === county.code);
    return {
      code: county.code,
      name: county.name,
      index,
      firstKommun: members[0]!.index,
      endKommun: members[members.length - 1]!.index + 1,
      weight: members.reduce((sum, kommun) => sum + kommun.weight, 0),
    };
  });
  return { kommuner, counties };
}

export const { kommuner, counties } = loadPlaces();

const countyByCode = new Map(counties.map((county) => [county.code, county]));
export const kommunByCode = new Map(kommuner.map((kommun) => [kommun.code, kommun]));

/** Draws a kommun in proportion to its weight. */
export const kommunTable = new WeightTable(kommuner.map((kommun) => kommun.weight));

/** Draws a kommun of one län in proportion to its weight, one table per län. */
export const kommunTableByCounty = counties.map(
  (county) => new WeightTable(kommuner.slice(county.firstKommun, county.endKommun).map((kommun) => kommun.weight)),
);

export function countyOf(kommun: Kommun): County {
  return countyByCode.get(kommun.county)!;
}

/**
 * "Botkyrka kommun", "Markaryds kommun": Swedish puts a kommun's name in the genitive when it ends
 * in a consonant other than s, as the seed network's "Markaryds kommun" beside "Fagersta kommun".
 */
export function kommunOrganizationName(kommun: Kommun): string {
  const genitive = /[aeiouyåäö]$|[sxz]$/i.test(kommun.name) ? kommun.name : `${kommun.name}s`;
  return `${genitive} kommun`;
}

/** "Stockholms län" → "Stockholm", for names such as "Länsstyrelsen Stockholm". */
export function countyShortName(county: County): string {
  return county.name.replace(/s? län$/, '');
}
