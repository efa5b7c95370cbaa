import { Cast } from './cast.ts';
import { periodWithin, randomPeriod, type PeriodShape } from './dates.ts';
import { isAgreementTerm, topicOf, wordsForPart, wordsForWhole } from './initiative-words.ts';
import { countyOf, kommunByCode, kommuner, kommunTable, kommunTableByCounty, type Kommun } from './places.ts';
import { initiativeId, type NetworkPlan } from './plan.ts';
import { randomFor, type Random } from './random.ts';
import type { InitiativeKind, InitiativeRow, ParticipationRow } from './rows.ts';
import { themes, themeTable } from './themes.ts';
import { WeightTable } from './weights.ts';

export interface GeneratedInitiative {
  row: InitiativeRow;
  participations: ParticipationRow[];
}

const kindsOf = <K extends InitiativeKind>(weights: Record<K, number>) => ({
  kinds: Object.keys(weights) as K[],
  table: new WeightTable(Object.values(weights)),
});
/** Initiatives that stand alone: mostly projects and activities, as in the seed documents. */
const singleKinds = kindsOf({ PROJECT: 35, ACTIVITY: 33, PROGRAMME: 4, AGREEMENT: 8, DECLARATION: 8, NETWORK: 12 });
/** Wholes that have parts: programmes and renewed agreements first. */
const wholeKinds = kindsOf({ PROGRAMME: 40, AGREEMENT: 25, PROJECT: 25, NETWORK: 10 });

const shapes: Record<InitiativeKind, PeriodShape> = {
  PROJECT: { minDays: 180, maxDays: 1100, openEnded: 0.05 },
  ACTIVITY: { minDays: 0, maxDays: 3, openEnded: 0.02 },
  PROGRAMME: { minDays: 365, maxDays: 2200, openEnded: 0.2 },
  AGREEMENT: { minDays: 90, maxDays: 730, openEnded: 0.1 },
  DECLARATION: { minDays: 365, maxDays: 1800, openEnded: 0.7 },
  NETWORK: { minDays: 365, maxDays: 2500, openEnded: 0.6 },
};

/** Every initiative of the plan, whole by whole with its parts, then those that stand alone. */
export function* generateInitiatives(plan: NetworkPlan): Generator<GeneratedInitiative> {
  const { families, total } = plan.initiatives;
  for (let family = 0; family < families.groups; family++) {
    const first = families.start(family);
    const whole = generateWhole(plan, first, wholeKinds);
    yield whole;
    for (let index = first + 1; index < families.end(family); index++) yield generatePart(plan, index, whole, index - first);
  }
  for (let index = families.total; index < total; index++) yield generateWhole(plan, index, singleKinds);
}

/** Mostly one kommun; sometimes two or three of the same län. */
function placesOf(random: Random): Kommun[] {
  const main = kommuner[random.weighted(kommunTable)]!;
  const extra = random.chance(0.8) ? 0 : random.chance(0.75) ? 1 : 2;
  const county = countyOf(main);
  const places = new Map([[main.code, main]]);
  for (let attempt = 0; places.size < 1 + extra && attempt < 6; attempt++) {
    const other = kommuner[county.firstKommun + random.weighted(kommunTableByCounty[county.index]!)]!;
    places.set(other.code, other);
  }
  return [...places.values()];
}

function generateWhole(plan: NetworkPlan, index: number, kinds: ReturnType<typeof kindsOf>): GeneratedInitiative {
  const random = randomFor(plan.seed, 'initiative', index);
  const kind = kinds.kinds[random.weighted(kinds.table)]!;
  const places = placesOf(random);
  const topic = topicOf(random, random.distinctWeighted(themeTable, random.int(1, 3)).map((i) => themes[i]!.key));
  const period = randomPeriod(random, shapes[kind]);
  const id = initiativeId(plan, index);
  const cast = new Cast(plan, random, id, period, places);
  const medborgarlofte = kind === 'AGREEMENT' && random.chance(0.7);
  castWhole(cast, random, kind, medborgarlofte);
  // The kommun itself is a partner in much of what happens in it: that is what makes it a hub.
  if (random.chance(0.25)) cast.add(cast.kommunOrganization(places[0]), 'PARTNER');
  const { name, description } = wordsForWhole(random, kind, topic, places, period, medborgarlofte);
  return {
    row: { id, kind, name, description, ...period, themes: topic.themes, municipalities: places.map((k) => k.code), partOf: null },
    participations: cast.rows,
  };
}

/** Who takes part in an initiative, by kind; the shapes follow the seed documents. */
function castWhole(cast: Cast, random: Random, kind: InitiativeKind, medborgarlofte: boolean): void {
  const roll = random.float();
  switch (kind) {
    case 'PROJECT':
      cast.add(
        roll < 0.4 ? cast.association() ?? cast.unit() : roll < 0.65 ? cast.kommunOrganization() : roll < 0.85 ? cast.unit()
          : roll < 0.92 ? (random.chance(0.5) ? cast.lansstyrelse() : cast.region()) : roll < 0.95 ? cast.office() ?? cast.kommunOrganization()
          : roll < 0.98 ? cast.business() ?? cast.association() : cast.agency(),
        'LEAD',
      );
      if (random.chance(0.5)) cast.add(cast.funder(), 'FUNDER');
      if (random.chance(0.15)) cast.add(random.chance(0.5) ? cast.association() : cast.kommunOrganization(cast.neighbourKommun()), 'CO_APPLICANT');
      cast.addMany(random.skewed(1, 12, 2), 'PARTNER', () => partner(cast, random));
      if (random.chance(0.2)) cast.add(cast.unit(), 'IMPLEMENTING');
      if (random.chance(0.1)) cast.add(cast.roleModel(), 'CONTACT');
      return;
    case 'ACTIVITY':
      cast.add(
        roll < 0.45 ? cast.association() ?? cast.unit() : roll < 0.7 ? cast.unit() : roll < 0.85 ? cast.kommunOrganization()
          : roll < 0.9 ? cast.office() ?? cast.unit() : roll < 0.95 ? cast.lansstyrelse() : roll < 0.98 ? cast.business() ?? cast.unit() : cast.roleModel() ?? cast.unit(),
        'LEAD',
      );
      cast.addMany(random.skewed(0, 10, 2), 'MEMBER', () => (random.chance(0.85) ? cast.association() : random.chance(0.66) ? cast.unit() : cast.roleModel()));
      return;
    case 'PROGRAMME':
      cast.add(
        roll < 0.5 ? cast.kommunOrganization() : roll < 0.65 ? cast.lansstyrelse() : roll < 0.75 ? cast.region() : roll < 0.85 ? cast.agency() : cast.unit(),
        'LEAD',
      );
      if (random.chance(0.6)) cast.add(cast.funder(), 'FUNDER');
      cast.addMany(random.skewed(3, 40, 2), 'PARTNER', () => partner(cast, random));
      cast.addMany(random.skewed(1, 4, 1.5), 'IMPLEMENTING', () => cast.unit());
      return;
    case 'AGREEMENT':
      cast.add(cast.kommunOrganization(cast.places[0]), 'SIGNATORY');
      if (medborgarlofte) cast.add(cast.police(), 'SIGNATORY');
      else cast.addMany(random.int(1, 3), 'SIGNATORY', () => cast.association());
      cast.addMany(random.skewed(0, 2, 2), 'PARTNER', () => cast.association());
      return;
    case 'DECLARATION':
      cast.add(roll < 0.5 ? cast.lansstyrelse() : cast.kommunOrganization(cast.places[0]), 'LEAD');
      for (const kommun of cast.countyKommuner(0.5)) cast.add(cast.kommunOrganization(kommun), 'SIGNATORY');
      if (random.chance(0.5)) cast.add(cast.region(), 'SIGNATORY');
      if (random.chance(0.3)) cast.add(cast.agency(), 'SIGNATORY');
      cast.addMany(random.skewed(3, 80, 3), 'SIGNATORY', () => cast.association());
      return;
    case 'NETWORK':
      cast.add(roll < 0.4 ? cast.kommunOrganization() : roll < 0.7 ? cast.unit() : cast.association() ?? cast.unit(), 'LEAD');
      cast.addMany(random.skewed(5, 120, 3), 'MEMBER', () => {
        const who = random.float();
        return who < 0.85 ? cast.association() : who < 0.93 ? cast.unit() : who < 0.97 ? cast.office() : cast.business();
      });
      if (random.chance(0.2)) cast.add(cast.roleModel(), 'CONTACT');
      return;
  }
}

function partner(cast: Cast, random: Random) {
  const who = random.float();
  if (who < 0.65) return cast.association();
  if (who < 0.8) return cast.unit();
  if (who < 0.88) return cast.office();
  if (who < 0.93) return cast.business();
  return cast.kommunOrganization(cast.neighbourKommun());
}

const partKindsByWhole: Record<InitiativeKind, { kinds: InitiativeKind[]; table: WeightTable }> = {
  AGREEMENT: { kinds: ['AGREEMENT', 'ACTIVITY'], table: new WeightTable([70, 30]) },
  PROGRAMME: { kinds: ['PROJECT', 'ACTIVITY'], table: new WeightTable([60, 40]) },
  PROJECT: { kinds: ['PROJECT', 'ACTIVITY'], table: new WeightTable([50, 50]) },
  NETWORK: { kinds: ['ACTIVITY'], table: new WeightTable([1]) },
  ACTIVITY: { kinds: ['ACTIVITY'], table: new WeightTable([1]) },
  DECLARATION: { kinds: ['ACTIVITY'], table: new WeightTable([1]) },
};

/**
 * A part of a whole: an agreement's next term, a programme's sub-project, a network's meeting. It works
 * on some of the whole's themes in some of its kommuner, within its period, with some of its actors.
 */
function generatePart(plan: NetworkPlan, index: number, whole: GeneratedInitiative, number: number): GeneratedInitiative {
  const random = randomFor(plan.seed, 'initiative', index);
  const parent = whole.row;
  const options = partKindsByWhole[parent.kind];
  const kind = options.kinds[random.weighted(options.table)]!;
  const kept = parent.themes.filter(() => random.chance(0.7));
  const themeKeys = kept.length > 0 ? kept : [parent.themes[0]!];
  if (random.chance(0.2)) {
    const extra = themes[random.weighted(themeTable)]!.key;
    if (!themeKeys.includes(extra)) themeKeys.push(extra);
  }
  const parentPlaces = parent.municipalities.map((code) => kommunByCode.get(code)!);
  const places = random.chance(0.7) ? parentPlaces : [parentPlaces[random.int(0, parentPlaces.length - 1)]!];
  const period = periodWithin(random, parent, shapes[kind]);
  const topic = topicOf(random, themeKeys);
  const id = initiativeId(plan, index);
  const cast = new Cast(plan, random, id, period, places);

  const isTerm = isAgreementTerm(kind, parent);
  for (const participation of whole.participations) {
    const stays = isTerm ? participation.role === 'SIGNATORY' : participation.role === 'LEAD' ? random.chance(0.8) : random.chance(0.3);
    if (stays && participation.status === 'CONFIRMED') cast.add({ id: participation.actor }, participation.role);
  }
  if (!isTerm) cast.addMany(random.skewed(0, 5, 2), kind === 'ACTIVITY' ? 'MEMBER' : 'PARTNER', () => cast.association());

  const { name, description } = wordsForPart(kind, topic, parent, number);
  return {
    row: {
      id,
      kind,
      name,
      description,
      ...period,
      themes: themeKeys,
      municipalities: places.map((k) => k.code),
      partOf: parent.id,
    },
    participations: cast.rows,
  };
}
