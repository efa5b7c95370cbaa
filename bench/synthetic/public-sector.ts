import { counties, countyShortName, kommuner, kommunOrganizationName, type County, type Kommun } from './places.ts';
import { officeName, officeTypes, phoneNumber, slug, unitName } from './names.ts';
import { publicNumber } from './organization-numbers.ts';
import { actorId, type NetworkPlan } from './plan.ts';
import { randomFor } from './random.ts';
import { nationalAgencies } from './national-agencies.ts';
import type { OrganizationRow } from './rows.ts';
import { themeOf, themes, themeTable } from './themes.ts';

/** The themes an office of each type works on, by officeTypes' order. */
const officeThemes: string[][] = [['trygghet', 'brottsforebyggande'], ['arbete'], [], ['etablering']];

const reservedDomain = (name: string) => `${slug(name)}.example`;

const countyKommunCodes = (county: County) => kommuner.slice(county.firstKommun, county.endKommun).map((k) => k.code);

/** The kommuner, Länsstyrelser, Regioner and national agencies: the same at every scale. */
export function* backboneOrganizations(plan: NetworkPlan): Generator<OrganizationRow> {
  for (const kommun of kommuner) {
    const random = randomFor(plan.seed, 'kommun', kommun.index);
    const name = kommunOrganizationName(kommun);
    yield {
      id: actorId(plan, 'kommun', kommun.code),
      kind: 'MUNICIPAL_UNIT',
      name,
      description: `${name} arbetar med välfärd, skola, fritid och samhällsbyggnad i ${kommun.name} och samverkar med föreningslivet.`,
      organizationNumber: publicNumber('212000', kommun.index),
      email: `kommun@${reservedDomain(kommun.name)}`,
      phone: phoneNumber(random),
      status: 'VERIFIED',
      themes: [],
      municipalities: [kommun.code],
    };
  }
  for (const county of counties) {
    const area = countyShortName(county);
    yield {
      id: actorId(plan, 'lansstyrelse', county.code),
      kind: 'AUTHORITY',
      name: `Länsstyrelsen ${area}`,
      description: `Statens företrädare i ${county.name}: samordnar arbetet med integration, brottsförebyggande arbete och trygghet, och fördelar medel till kommuner och föreningar.`,
      organizationNumber: publicNumber('202100', county.index),
      email: null,
      phone: null,
      status: 'VERIFIED',
      themes: ['integration', 'brottsforebyggande'],
      municipalities: countyKommunCodes(county),
    };
    yield {
      id: actorId(plan, 'region', county.code),
      kind: 'AUTHORITY',
      name: `Region ${area}`,
      description: `Regionen i ${county.name}: hälso- och sjukvård, kollektivtrafik och regional utveckling.`,
      organizationNumber: publicNumber('232100', county.index),
      email: null,
      phone: null,
      status: 'VERIFIED',
      themes: ['halsa'],
      municipalities: countyKommunCodes(county),
    };
  }
  for (const [index, national] of nationalAgencies.entries()) {
    const remit = national.themes.map((key) => themeOf(key).phrase);
    yield {
      id: actorId(plan, 'agency', national.slug),
      kind: 'AUTHORITY',
      name: national.name,
      description: remit.length > 0 ? `${national.name} arbetar nationellt med ${remit.join(' och ')}.` : `${national.name} arbetar nationellt.`,
      organizationNumber: publicNumber('202100', counties.length + index),
      email: null,
      phone: null,
      status: 'VERIFIED',
      themes: national.themes,
      municipalities: national.kommun ? [national.kommun] : [],
    };
  }
}

/** The units of kommuner (förvaltningar, fritidsgårdar, bibliotek), each PART_OF its kommun. */
export function* unitOrganizations(plan: NetworkPlan): Generator<OrganizationRow> {
  for (let i = 0; i < plan.units.total; i++) {
    const kommun = kommuner[plan.units.groupOf(i)]!;
    const random = randomFor(plan.seed, 'unit', i);
    yield {
      id: actorId(plan, 'unit', i),
      kind: 'MUNICIPAL_UNIT',
      name: unitName(random, i - plan.units.start(kommun.index), kommunOrganizationName(kommun)),
      description: `En del av ${kommunOrganizationName(kommun)}.`,
      organizationNumber: null,
      email: random.chance(0.5) ? `enhet${i}@${reservedDomain(kommun.name)}` : null,
      phone: random.chance(0.5) ? phoneNumber(random) : null,
      status: 'VERIFIED',
      themes: random.chance(0.5) ? [themes[random.weighted(themeTable)]!.key] : [],
      municipalities: [kommun.code],
      parent: actorId(plan, 'kommun', kommun.code),
    };
  }
}

/** Local police areas and offices of national authorities, each in one kommun. */
export function* officeOrganizations(plan: NetworkPlan): Generator<OrganizationRow> {
  for (let i = 0; i < plan.offices.total; i++) {
    const kommun = kommuner[plan.offices.groupOf(i)]!;
    const localIndex = i - plan.offices.start(kommun.index);
    const random = randomFor(plan.seed, 'office', i);
    const name = officeName(random, localIndex, kommun.name);
    yield {
      id: actorId(plan, 'office', i),
      kind: 'AUTHORITY',
      name,
      description: `${officeTypes[localIndex % officeTypes.length]} i ${kommun.name}.`,
      organizationNumber: null,
      email: null,
      phone: random.chance(0.3) ? phoneNumber(random) : null,
      status: 'VERIFIED',
      themes: officeThemes[localIndex % officeTypes.length]!,
      municipalities: [kommun.code],
    };
  }
}

/** The police area of a kommun: its first office, when it has one. */
export function policeOfficeOf(plan: NetworkPlan, kommun: Kommun): string | null {
  return plan.offices.size(kommun.index) > 0 ? actorId(plan, 'office', plan.offices.start(kommun.index)) : null;
}
