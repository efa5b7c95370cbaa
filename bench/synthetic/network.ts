import type { OrganizationKind } from '../../server/actors/kinds.ts';
import { businessRow, associationRow, roleModelRow } from './actors.ts';
import { generateInitiatives } from './initiatives.ts';
import type { NetworkPlan } from './plan.ts';
import { backboneOrganizations, officeOrganizations, unitOrganizations } from './public-sector.ts';
import type { InitiativeRow, OrganizationRow, ParticipationRow, RoleModelRow } from './rows.ts';

/**
 * One write's worth of rows of one shape. A node is written with its links, so whatever a row links to
 * (a unit's kommun, a role model's association, a part's whole, a participation's two ends) comes in an
 * earlier batch.
 */
export type Batch =
  | { type: 'organizations'; kind: OrganizationKind; rows: OrganizationRow[] }
  | { type: 'roleModels'; rows: RoleModelRow[] }
  | { type: 'initiatives'; rows: InitiativeRow[] }
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
 * between batches, so memory does not grow with the scale. Later passes make their entities again (the
 * generator is deterministic) rather than remembering them from earlier ones.
 */
export function* networkBatches(plan: NetworkPlan, size: number): Generator<Batch> {
  // The kommuner are in the backbone, before the units that are part of them.
  const backbone = [...backboneOrganizations(plan)];
  for (const kind of ['MUNICIPAL_UNIT', 'AUTHORITY'] as const) {
    for (const rows of chunks(backbone.filter((row) => row.kind === kind), size)) yield { type: 'organizations', kind, rows };
  }
  for (const rows of chunks(unitOrganizations(plan), size)) yield { type: 'organizations', kind: 'MUNICIPAL_UNIT', rows };
  for (const rows of chunks(officeOrganizations(plan), size)) yield { type: 'organizations', kind: 'AUTHORITY', rows };
  for (const rows of chunks(range(plan.associations.total, (i) => associationRow(plan, i)), size)) yield { type: 'organizations', kind: 'ASSOCIATION', rows };
  for (const rows of chunks(range(plan.businesses.total, (i) => businessRow(plan, i)), size)) yield { type: 'organizations', kind: 'BUSINESS', rows };
  for (const rows of chunks(range(plan.roleModels.total, (i) => roleModelRow(plan, i)), size)) yield { type: 'roleModels', rows };
  for (const rows of chunks(map(generateInitiatives(plan), ({ row }) => (row.partOf ? null : row)), size)) yield { type: 'initiatives', rows };
  yield* partsAndParticipations(plan, size);
}

/**
 * The initiatives that are parts of another, and every participation, from one more pass over the
 * initiatives, each flushed when full. Parts go out before the participations gathered with them, so that
 * a participation's initiative is always written before it.
 */
function* partsAndParticipations(plan: NetworkPlan, size: number): Generator<Batch> {
  let parts: InitiativeRow[] = [];
  let participations: ParticipationRow[] = [];
  for (const { row, participations: ofInitiative } of generateInitiatives(plan)) {
    if (row.partOf) parts.push(row);
    participations.push(...ofInitiative);
    if (parts.length >= size || (participations.length >= size && parts.length > 0)) {
      yield { type: 'initiatives', rows: parts };
      parts = [];
    }
    if (participations.length >= size) {
      yield { type: 'participations', rows: participations };
      participations = [];
    }
  }
  if (parts.length > 0) yield { type: 'initiatives', rows: parts };
  if (participations.length > 0) yield { type: 'participations', rows: participations };
}
