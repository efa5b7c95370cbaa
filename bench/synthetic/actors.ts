import { kommuner, type Kommun } from './places.ts';
import { associationName, businessName, capitalise, joinedPhrases, personName, phoneNumber, roleModelTitle, slug } from './names.ts';
import { associationNumber, businessNumber } from './organization-numbers.ts';
import { actorId, consentId, type NetworkPlan } from './plan.ts';
import { randomFor, type Random } from './random.ts';
import type { OrganizationRow, RoleModelRow } from './rows.ts';
import { themeOf, themes, themeTable } from './themes.ts';

/** About 3% of associations registered themselves and still wait for review. */
const PENDING_SHARE = 0.03;
/** Most role models have a recorded consent; the others are visible only to admins and strategists in scope. */
const CONSENT_SHARE = 0.9;
/**
 * How activity spreads over a kommun's associations, ranked from the busiest: the rank's share x of the
 * kommun's list follows a power law, P(x < t) ∝ (t + HEAD)^(1/EXPONENT) − HEAD^(1/EXPONENT). The busiest
 * 1% take about a fifth of the picks and two in five associations are never picked. HEAD flattens the
 * very top, so that no association outgrows the kommuner and authorities, the real hubs: the busiest
 * associations take part in some tens of initiatives, at every scale.
 */
const ACTIVITY_EXPONENT = 4;
const ACTIVITY_HEAD = 0.001;
const activityLow = ACTIVITY_HEAD ** (1 / ACTIVITY_EXPONENT);
const activityHigh = (1 + ACTIVITY_HEAD) ** (1 / ACTIVITY_EXPONENT);

function drawThemes(random: Random, min: number, max: number): string[] {
  return random.distinctWeighted(themeTable, random.int(min, max)).map((index) => themes[index]!.key);
}

/** Decided on a stream of its own, so that a participation can tell a pending association without making it. */
export function associationIsPending(plan: NetworkPlan, index: number): boolean {
  return randomFor(plan.seed, 'association-status', index).chance(PENDING_SHARE);
}

export function associationRow(plan: NetworkPlan, index: number): OrganizationRow {
  const kommun = kommuner[plan.associations.groupOf(index)]!;
  const random = randomFor(plan.seed, 'association', index);
  const name = associationName(random, kommun.name);
  const themeKeys = drawThemes(random, 1, 3);
  const activities = themeKeys.map((key) => random.pick(themeOf(key).activities));
  return {
    id: actorId(plan, 'association', index),
    kind: 'ASSOCIATION',
    name,
    description:
      `Ideell förening i ${kommun.name} som arbetar med ${joinedPhrases(themeKeys.map((key) => themeOf(key).phrase))}. ` +
      `Vi ordnar ${joinedPhrases(activities)}.`,
    organizationNumber: associationNumber(index, plan.seed),
    email: random.chance(0.6) ? `${slug(name)}-${index}@example.org` : null,
    phone: random.chance(0.4) ? phoneNumber(random) : null,
    status: associationIsPending(plan, index) ? 'PENDING' : 'VERIFIED',
    themes: themeKeys,
    municipalities: [kommun.code],
  };
}

/** One of a kommun's associations, the busiest most often; null where the kommun has none. */
export function activeAssociationIn(plan: NetworkPlan, random: Random, kommun: Kommun): number | null {
  const size = plan.associations.size(kommun.index);
  if (size === 0) return null;
  const share = (activityLow + random.float() * (activityHigh - activityLow)) ** ACTIVITY_EXPONENT - ACTIVITY_HEAD;
  return plan.associations.start(kommun.index) + Math.min(size - 1, Math.max(0, Math.floor(size * share)));
}

export function roleModelRow(plan: NetworkPlan, index: number): RoleModelRow {
  const kommun = kommuner[plan.roleModels.groupOf(index)]!;
  const random = randomFor(plan.seed, 'role-model', index);
  const name = personName(random);
  const title = roleModelTitle(random);
  const themeKeys = random.chance(0.5) ? ['forebilder', ...drawThemes(random, 1, 2).filter((key) => key !== 'forebilder')] : drawThemes(random, 1, 2);
  const id = actorId(plan, 'role-model', index);
  const consent = random.chance(CONSENT_SHARE)
    ? {
        id: consentId(plan, index),
        purpose: 'Att visas som förebild i Samverkan, med namn, titel och beskrivning.',
        givenBy: name,
        givenAt: `${random.int(2019, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}T10:00:00Z`,
      }
    : null;
  const affiliated = random.chance(0.4) ? activeAssociationIn(plan, random, kommun) : null;
  return {
    id,
    name,
    title,
    description: `${capitalise(title.toLowerCase())} i ${kommun.name} som är förebild för unga och engagerar sig i ${joinedPhrases(themeKeys.map((key) => themeOf(key).phrase))}.`,
    email: random.chance(0.3) ? `${slug(name)}.${index}@example.org` : null,
    phone: null,
    consent,
    themes: themeKeys,
    municipalities: [kommun.code],
    organization: affiliated === null ? null : actorId(plan, 'association', affiliated),
  };
}

export function businessRow(plan: NetworkPlan, index: number): OrganizationRow {
  const kommun = kommuner[plan.businesses.groupOf(index)]!;
  const random = randomFor(plan.seed, 'business', index);
  const name = businessName(random, kommun.name);
  const themeKeys = random.chance(0.6) ? [random.pick(['entreprenorskap', 'arbete', 'fritid', 'trygghet'])] : [];
  return {
    id: actorId(plan, 'business', index),
    kind: 'BUSINESS',
    name,
    description: `Företag i ${kommun.name} som tar socialt ansvar${themeKeys.length ? ` genom ${themeOf(themeKeys[0]!).phrase}` : ''}.`,
    organizationNumber: businessNumber(index, plan.seed),
    email: null,
    phone: random.chance(0.5) ? phoneNumber(random) : null,
    status: 'VERIFIED',
    themes: themeKeys,
    municipalities: [kommun.code],
  };
}
