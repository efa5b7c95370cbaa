import { activeAssociationIn, associationIsPending } from './actors.ts';
import { joinedWithin, leftAfter, type Period } from './dates.ts';
import { funders, funderTable, nationalAgencies } from './national-agencies.ts';
import { countyOf, kommuner, kommunTable, kommunTableByCounty, type Kommun } from './places.ts';
import { actorId, participationId, type NetworkPlan } from './plan.ts';
import { policeOfficeOf } from './public-sector.ts';
import type { Random } from './random.ts';
import type { ParticipationRow, Role } from './rows.ts';

/** Share of an association's participations in the initiative's own kommun, in its län, and anywhere. */
const ASSOCIATION_IN_KOMMUN = 0.8;
const ASSOCIATION_IN_COUNTY = 0.15;
/** An association's word that it takes part, not yet confirmed by the initiative's lead or a strategist. */
const CLAIM_SHARE = 0.05;

/** An actor picked for an initiative; associations carry their index, so a pending one's claim stays a claim. */
export interface Pick {
  id: string;
  association?: number;
}

/**
 * The actors of one initiative and their roles: each actor once, in the first role it was given.
 * Pickers return null when a kommun has none of what was asked for; adding null adds nobody.
 */
export class Cast {
  private readonly seen = new Set<string>();
  readonly rows: ParticipationRow[] = [];

  constructor(
    private readonly plan: NetworkPlan,
    private readonly random: Random,
    private readonly initiativeId: string,
    private readonly period: Period,
    /** The initiative's kommuner, its main one first. */
    readonly places: Kommun[],
  ) {}

  add(pick: Pick | null, role: Role): boolean {
    if (!pick || this.seen.has(pick.id)) return false;
    this.seen.add(pick.id);
    const random = this.random;
    const claimed =
      pick.association !== undefined && (associationIsPending(this.plan, pick.association) || ((role === 'MEMBER' || role === 'PARTNER') && random.chance(CLAIM_SHARE)));
    // Founders are dated from the start; others joined along the way, and a few left before the end.
    const founding = role === 'LEAD' || role === 'SIGNATORY' || role === 'FUNDER' || role === 'CO_APPLICANT';
    const joined = random.chance(founding ? 0.6 : 0.5) ? (founding ? joinedFrom(this.period) : joinedWithin(random, this.period)) : null;
    const left = joined && random.chance(0.1) ? leftAfter(random, joined.sinceFirst, this.period) : null;
    this.rows.push({
      id: participationId(this.plan, this.initiativeId, pick.id),
      actor: pick.id,
      initiative: this.initiativeId,
      role,
      status: claimed ? 'CLAIMED' : 'CONFIRMED',
      since: joined?.since ?? null,
      until: left?.until ?? null,
      sinceFirst: joined?.sinceFirst ?? null,
      untilLast: left?.untilLast ?? null,
    });
    return true;
  }

  /** Adds `count` actors from `pick`, trying a few more times when a pick repeats someone. */
  addMany(count: number, role: Role, pick: () => Pick | null): void {
    let added = 0;
    for (let attempt = 0; added < count && attempt < count * 3; attempt++) if (this.add(pick(), role)) added++;
  }

  /** One of the initiative's kommuner, its main one most often. */
  place(): Kommun {
    return this.places.length === 1 || this.random.chance(0.7) ? this.places[0]! : this.random.pick(this.places);
  }

  // Pickers: who could take part, drawn near the initiative.

  kommunOrganization(kommun: Kommun = this.place()): Pick {
    return { id: actorId(this.plan, 'kommun', kommun.code) };
  }

  /** Another kommun of the same län, for co-applicants and län-wide declarations. */
  neighbourKommun(): Kommun {
    const county = countyOf(this.places[0]!);
    return kommuner[county.firstKommun + this.random.weighted(kommunTableByCounty[county.index]!)]!;
  }

  lansstyrelse(): Pick {
    return { id: actorId(this.plan, 'lansstyrelse', this.places[0]!.county) };
  }

  region(): Pick {
    return { id: actorId(this.plan, 'region', this.places[0]!.county) };
  }

  agency(): Pick {
    return { id: actorId(this.plan, 'agency', this.random.pick(nationalAgencies).slug) };
  }

  /** Who pays: the Länsstyrelse and national funds most often, then the kommun and the region. */
  funder(): Pick {
    const roll = this.random.float();
    if (roll < 0.4) return this.lansstyrelse();
    if (roll < 0.8) return { id: actorId(this.plan, 'agency', funders[this.random.weighted(funderTable)]!.slug) };
    return roll < 0.9 ? this.kommunOrganization() : this.region();
  }

  /** Mostly in the initiative's kommun, sometimes elsewhere in its län, rarely anywhere in the country. */
  association(): Pick | null {
    const roll = this.random.float();
    const kommun =
      roll < ASSOCIATION_IN_KOMMUN ? this.place() : roll < ASSOCIATION_IN_KOMMUN + ASSOCIATION_IN_COUNTY ? this.neighbourKommun() : kommuner[this.random.weighted(kommunTable)]!;
    const index = activeAssociationIn(this.plan, this.random, kommun);
    return index === null ? null : { id: actorId(this.plan, 'association', index), association: index };
  }

  /** A unit of the kommun, its central förvaltningar most often; the kommun itself when it has none. */
  unit(kommun: Kommun = this.place()): Pick {
    const size = this.plan.units.size(kommun.index);
    if (size === 0) return this.kommunOrganization(kommun);
    return { id: actorId(this.plan, 'unit', this.plan.units.start(kommun.index) + this.random.skewed(0, size - 1, 1.5)) };
  }

  office(kommun: Kommun = this.place()): Pick | null {
    const size = this.plan.offices.size(kommun.index);
    return size === 0 ? null : { id: actorId(this.plan, 'office', this.plan.offices.start(kommun.index) + this.random.int(0, size - 1)) };
  }

  /** The kommun's police area, else Polisen itself, as in the seed's medborgarlöfte. */
  police(): Pick {
    const local = policeOfficeOf(this.plan, this.places[0]!);
    return { id: local ?? actorId(this.plan, 'agency', 'polisen') };
  }

  roleModel(kommun: Kommun = this.place()): Pick | null {
    const size = this.plan.roleModels.size(kommun.index);
    return size === 0 ? null : { id: actorId(this.plan, 'role-model', this.plan.roleModels.start(kommun.index) + this.random.int(0, size - 1)) };
  }

  business(kommun: Kommun = this.place()): Pick | null {
    const size = this.plan.businesses.size(kommun.index);
    return size === 0 ? null : { id: actorId(this.plan, 'business', this.plan.businesses.start(kommun.index) + this.random.int(0, size - 1)) };
  }

  /** Kommuner of the same län, each with the given chance, for län-wide declarations. */
  countyKommuner(chance: number): Kommun[] {
    const county = countyOf(this.places[0]!);
    return kommuner.slice(county.firstKommun, county.endKommun).filter(() => this.random.chance(chance));
  }
}

function joinedFrom(period: Period): { since: string; sinceFirst: string } | null {
  return period.start && period.startFirst ? { since: period.start, sinceFirst: period.startFirst } : null;
}
