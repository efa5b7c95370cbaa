import type { OrganizationKind } from '../../server/actors/kinds.ts';
import { businessRow, associationRow, roleModelRow } from './actors.ts';
import { generateInitiatives } from './initiatives.ts';
import type { NetworkPlan } from './plan.ts';
import { backboneOrganizations, officeOrganizations, unitOrganizations } from './public-sector.ts';
import type { AffiliationRow, InitiativeRow, OrganizationRow, ParticipationRow, PartRow, RoleModelRow } from './rows.ts';

/** One write's worth of rows of one shape. Node batches come first, then those that only link nodes. */
export type Batch =
  | { type: 'organizations'; kind: OrganizationKind; rows: OrganizationRow[] }
  | { type: 'roleModels'; rows: RoleModelRow[] }
  | { type: 'initiatives'; rows: InitiativeRow[] }
  | { type: 'organizationParts'; rows: PartRow[] }
  | { type: 'initiativeParts'; rows: PartRow[] }
  | { type: 'affiliations'; rows: AffiliationRow[] }
  | { type: 'participations'; rows: ParticipationRow[] };

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function* range<T>(count: number, make: (index: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield make(i);
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U | null): Generator<U> {
  for (const item of items) {
    const mapped = f(item);
    if (mapped !== null) yield mapped;
  }
}

/**
 * The whole network as batches of at most `size` rows, made as they are asked for: nothing is kept
 * between batches, so memory does not grow with the scale. Relationship batches make their entities
 * again (the generator is deterministic) rather than remembering them from the node batches.
 */
export function* networkBatches(plan: NetworkPlan, size: number): Generator<Batch> {
  const backbone = [...backboneOrganizations(plan)];
  for (const kind of ['MUNICIPAL_UNIT', 'AUTHORITY'] as const) {
    for (const rows of chunks(backbone.filter((row) => row.kind === kind), size)) yield { type: 'organizations', kind, rows };
  }
  for (const rows of chunks(map(unitOrganizations(plan), (unit) => unit.row), size)) yield { type: 'organizations', kind: 'MUNICIPAL_UNIT', rows };
  for (const rows of chunks(officeOrganizations(plan), size)) yield { type: 'organizations', kind: 'AUTHORITY', rows };
  for (const rows of chunks(range(plan.associations.total, (i) => associationRow(plan, i)), size)) yield { type: 'organizations', kind: 'ASSOCIATION', rows };
  for (const rows of chunks(range(plan.businesses.total, (i) => businessRow(plan, i)), size)) yield { type: 'organizations', kind: 'BUSINESS', rows };
  for (const rows of chunks(range(plan.roleModels.total, (i) => roleModelRow(plan, i).row), size)) yield { type: 'roleModels', rows };
  for (const rows of chunks(map(generateInitiatives(plan), (initiative) => initiative.row), size)) yield { type: 'initiatives', rows };

  for (const rows of chunks(map(unitOrganizations(plan), (unit) => unit.partOf), size)) yield { type: 'organizationParts', rows };
  for (const rows of chunks(map(range(plan.roleModels.total, (i) => roleModelRow(plan, i).affiliation), (a) => a), size)) yield { type: 'affiliations', rows };
  yield* initiativeLinkBatches(plan, size);
}

/** PART_OF and PARTICIPATES_IN from one more pass over the initiatives, each flushed when full. */
function* initiativeLinkBatches(plan: NetworkPlan, size: number): Generator<Batch> {
  let parts: PartRow[] = [];
  let participations: ParticipationRow[] = [];
  for (const initiative of generateInitiatives(plan)) {
    if (initiative.partOf) parts.push(initiative.partOf);
    participations.push(...initiative.participations);
    if (parts.length >= size) {
      yield { type: 'initiativeParts', rows: parts };
      parts = [];
    }
    if (participations.length >= size) {
      yield { type: 'participations', rows: participations };
      participations = [];
    }
  }
  if (parts.length > 0) yield { type: 'initiativeParts', rows: parts };
  if (participations.length > 0) yield { type: 'participations', rows: participations };
}
