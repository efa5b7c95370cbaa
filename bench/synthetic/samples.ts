import { activeAssociationIn, associationIsPending } from './actors.ts';
import { generateInitiatives } from './initiatives.ts';
import { nationalAgencies } from './national-agencies.ts';
import { counties, kommunByCode, kommuner, kommunTable } from './places.ts';
import { actorId, initiativeId, planNetwork, type NetworkPlan } from './plan.ts';
import { randomFor, type Random } from './random.ts';
import { themes } from './themes.ts';
import { WeightTable } from './weights.ts';

/** Ids and values for benchmark operations, drawn the way real traffic would ask for them. */
export interface BenchmarkSubjects {
  /** Kommuner and authorities (the hubs) often, busy associations more than quiet ones; never a pending one. */
  organizationIds: string[];
  initiativeIds: string[];
  /** Län and theme pairs with at least one initiative there on that theme, common pairs more often. */
  countyThemes: { county: string; theme: string }[];
  /** Län codes by how much happens in them. */
  counties: string[];
  /** Kommun codes by how much happens in them. */
  municipalities: string[];
  /** Words that full-text search finds in initiatives' names and descriptions, common words more often. */
  searchWords: string[];
}

const countyTable = new WeightTable(counties.map((county) => county.weight));

/**
 * Deterministic from (scale, seed, count) and made without a database: the same generator that wrote
 * the network says where things are. Each list has `count` entries, drawn with repeats, as traffic repeats.
 */
export function sampleSubjects(scale: number, seed: number, count: number): BenchmarkSubjects {
  const plan = planNetwork(scale, seed);
  const stream = (name: string) => randomFor(seed, `sample-${name}`, 0);
  const draw = <T>(name: string, pick: (random: Random) => T) => {
    const random = stream(name);
    return Array.from({ length: count }, () => pick(random));
  };
  const { pairs, words } = initiativeVocabulary(plan);
  return {
    organizationIds: draw('organizations', (random) => organizationLikeTraffic(plan, random)),
    initiativeIds: draw('initiatives', (random) => initiativeId(plan, random.int(0, plan.initiatives.total - 1))),
    countyThemes: draw('county-themes', (random) => pairs.items[random.weighted(pairs.table)]!),
    counties: draw('counties', (random) => counties[random.weighted(countyTable)]!.code),
    municipalities: draw('municipalities', (random) => kommuner[random.weighted(kommunTable)]!.code),
    searchWords: draw('search-words', (random) => words.items[random.weighted(words.table)]!),
  };
}

function organizationLikeTraffic(plan: NetworkPlan, random: Random): string {
  const roll = random.float();
  const kommun = kommuner[random.weighted(kommunTable)]!;
  if (roll < 0.25) return actorId(plan, 'kommun', kommun.code);
  if (roll < 0.35) {
    const county = counties[random.weighted(countyTable)]!;
    const which = random.int(0, 2);
    return which === 0 ? actorId(plan, 'lansstyrelse', county.code) : which === 1 ? actorId(plan, 'region', county.code) : actorId(plan, 'agency', random.pick(nationalAgencies).slug);
  }
  if (roll < 0.4 && plan.units.size(kommun.index) > 0) return actorId(plan, 'unit', plan.units.start(kommun.index) + random.int(0, plan.units.size(kommun.index) - 1));
  // Associations as their activity has them: the busy ones are the ones people look up.
  for (let attempt = 0; attempt < 5; attempt++) {
    const index = activeAssociationIn(plan, random, kommun);
    if (index !== null && !associationIsPending(plan, index)) return actorId(plan, 'association', index);
  }
  return actorId(plan, 'kommun', kommun.code);
}

interface Weighted<T> {
  items: T[];
  table: WeightTable;
}

/** Words of the themes and their activities that could be searched for; short and common Swedish words are left out. */
const candidateWords = new Set(
  themes
    .flatMap((theme) => [theme.phrase, ...theme.activities])
    .flatMap((text) => text.toLowerCase().split(/[^\p{L}]+/u))
    .filter((word) => word.length >= 5 && !['mellan', 'under', 'efter', 'eller'].includes(word)),
);

/** One pass over the initiatives: which (län, theme) pairs occur, and how often each candidate word does. */
function initiativeVocabulary(plan: NetworkPlan): { pairs: Weighted<{ county: string; theme: string }>; words: Weighted<string> } {
  const pairCounts = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  for (const { row } of generateInitiatives(plan)) {
    const countyCodes = new Set(row.municipalities.map((code) => kommunByCode.get(code)!.county));
    for (const county of countyCodes) for (const theme of row.themes) pairCounts.set(`${county}|${theme}`, (pairCounts.get(`${county}|${theme}`) ?? 0) + 1);
    for (const word of `${row.name} ${row.description}`.toLowerCase().split(/[^\p{L}]+/u)) {
      if (candidateWords.has(word)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    }
  }
  const pairs = [...pairCounts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const words = [...wordCounts.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    pairs: {
      items: pairs.map(([key]) => {
        const [county, theme] = key.split('|') as [string, string];
        return { county, theme };
      }),
      table: new WeightTable(pairs.map(([, n]) => n)),
    },
    // A square root keeps the commonest words from crowding out the rest.
    words: { items: words.map(([word]) => word), table: new WeightTable(words.map(([, n]) => Math.sqrt(n))) },
  };
}
