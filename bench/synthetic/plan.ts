import { stableId } from '../../server/shared/ids.ts';
import { counties, kommuner } from './places.ts';
import { randomFor } from './random.ts';
import { allocate, Ranges } from './weights.ts';
import { nationalAgencies } from './national-agencies.ts';

/** Bump when the generator's output changes, so that a database holding an older network is not taken for this one. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20261122;
/** Who the loader says created every node and relationship; it also tells synthetic data from any other. */
export const SYNTHETIC_AUTHOR = 'synthetic';

/** Entity counts at scale 1; a scale multiplies each of them. */
export const countsAtScaleOne = {
  associations: 100_000,
  /** Authorities and municipal units together, the fixed backbone included. */
  publicSector: 5_000,
  roleModels: 2_000,
  businesses: 500,
  initiatives: 20_000,
} as const;

/** About a fifth of initiatives are parts of a programme, agreement, project or network, three to a whole on average. */
const PART_SHARE = 0.2;
const PARTS_PER_WHOLE = 3;
/** Of the scaled public sector, the kommuner's own units; the rest are local offices of national authorities. */
const UNIT_SHARE = 0.9;

/**
 * What a (scale, seed) network holds and where: how many of each entity there are and, for actors,
 * the kommun each one belongs to (consecutive ranges per kommun). Everything else is drawn per entity.
 */
export interface NetworkPlan {
  scale: number;
  seed: number;
  associations: Ranges;
  /** A kommun's units other than the kommun itself. */
  units: Ranges;
  /** Local police areas, employment and insurance offices. */
  offices: Ranges;
  roleModels: Ranges;
  businesses: Ranges;
  initiatives: InitiativeLayout;
}

/**
 * Initiatives are numbered whole by whole: a whole, then its parts, then the next whole; after the
 * families come the initiatives that stand alone. A family's range starts with its whole.
 */
export interface InitiativeLayout {
  total: number;
  families: Ranges;
}

/** The kommuner themselves, the 21 Länsstyrelser and Regioner, and the national agencies: fixed, like the reference data. */
export const backboneSize = kommuner.length + 2 * counties.length + nationalAgencies.length;

export function planNetwork(scale: number, seed: number): NetworkPlan {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, not ${scale}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, not ${seed}`);
  const scaled = (count: number) => Math.round(count * scale);
  const byKommun = (total: number, exponent: number) => new Ranges(allocate(total, kommuner.map((k) => k.weight ** exponent)));

  const publicScaled = scaled(countsAtScaleOne.publicSector - backboneSize);
  const units = Math.round(publicScaled * UNIT_SHARE);
  return {
    scale,
    seed,
    associations: byKommun(scaled(countsAtScaleOne.associations), 1),
    // Every kommun needs its förvaltningar whatever its size, so units follow size less steeply.
    units: byKommun(units, 0.7),
    offices: byKommun(publicScaled - units, 0.8),
    roleModels: byKommun(scaled(countsAtScaleOne.roleModels), 1),
    businesses: byKommun(scaled(countsAtScaleOne.businesses), 1),
    initiatives: layInitiatives(scaled(countsAtScaleOne.initiatives), seed),
  };
}

function layInitiatives(total: number, seed: number): InitiativeLayout {
  const parts = Math.round(total * PART_SHARE);
  const wholes = Math.round(parts / PARTS_PER_WHOLE);
  if (wholes === 0) return { total, families: new Ranges([]) };
  // Every whole has one part; the others go mostly to a few big programmes (a cubed uniform is heavy-tailed).
  const extra = allocate(parts - wholes, Array.from({ length: wholes }, (_, i) => randomFor(seed, 'family-size', i).float() ** 3 + 0.01));
  return { total, families: new Ranges(extra.map((n) => 2 + n)) };
}

/** Keys name every synthetic entity by its network and position, so a reload gives the same ids. */
function key(plan: NetworkPlan, entity: string, ref: string | number): string {
  return `synthetic:${plan.seed}:${plan.scale}:${entity}:${ref}`;
}

export type ActorEntity = 'association' | 'unit' | 'office' | 'role-model' | 'business' | 'kommun' | 'lansstyrelse' | 'region' | 'agency';

export function actorId(plan: NetworkPlan, entity: ActorEntity, ref: string | number): string {
  return stableId('Actor', key(plan, entity, ref));
}

export function initiativeId(plan: NetworkPlan, index: number): string {
  return stableId('Initiative', key(plan, 'initiative', index));
}

/** An actor takes part in an initiative once, so the pair names the participation. */
export function participationId(plan: NetworkPlan, initiativeId: string, actorId: string): string {
  return stableId('Participation', key(plan, 'participation', `${initiativeId}|${actorId}`));
}

export function consentId(plan: NetworkPlan, roleModelIndex: number): string {
  return stableId('Consent', key(plan, 'consent', roleModelIndex));
}
