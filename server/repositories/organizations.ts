import type { DateTime } from 'neo4j-driver';
import { organizationLabelByKind, organizationKinds, type OrganizationKind } from '../actors/kinds.ts';
import type { OrganizationStatus } from '../auth/visibility.ts';
import type { Transaction } from '../db/database.ts';
import { lockNode, nodeFor, patchStatement, provenance, replaceLists, replaceOne, type PatchRow, type WriteOptions } from './links.ts';

/** An organisation as it is stored: its properties, its links, and its parent (a kommun's unit). */
export interface OrganizationShape {
  id: string;
  kind: OrganizationKind;
  name: string;
  description: string | null;
  organizationNumber: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: OrganizationStatus;
  themes: string[];
  municipalities: string[];
  sources: string[];
  parent: string | null;
  /** The seed's own key, for seeded organisations. */
  seedKey?: string | null;
}

/** The statement that writes organisations of one kind; the label comes from the allow-list of kinds, never from data. */
export function organizationsStatement(kind: OrganizationKind, mode: WriteOptions['mode']): string {
  return `${nodeFor('Actor:Organization', mode)}
SET n:${organizationLabelByKind[kind]}, n.kind = row.kind, n.name = row.name, n.description = row.description,
    n.organizationNumber = row.organizationNumber, n.email = row.email, n.phone = row.phone, n.address = row.address,
    n.status = row.status, n.seedKey = row.seedKey, ${provenance}
${replaceLists(['themes', 'municipalities', 'sources'], mode)}
${replaceOne('parent', 'PART_OF', 'Actor:Organization', mode)}`;
}

/** Writes organisations whole, one statement per kind. */
export async function writeOrganizations(tx: Transaction, rows: OrganizationShape[], options: WriteOptions): Promise<void> {
  for (const kind of organizationKinds) {
    const ofKind = rows.filter((row) => row.kind === kind).map((row) => ({ seedKey: null, ...row, replace: ['parent'] }));
    if (ofKind.length === 0) continue;
    await tx.run({ text: organizationsStatement(kind, options.mode), parameters: { rows: ofKind, author: options.author } });
  }
}

/** An organisation as an edit reads it: its shape and version. */
export interface OrganizationState extends OrganizationShape {
  version: number;
  isPerson: false;
}

/** Reads an organisation (or, with `isPerson`, tells that the id names a person) for an edit, holding its write lock. */
export async function readOrganizationForUpdate(tx: Transaction, id: string): Promise<OrganizationState | { isPerson: true } | null> {
  const result = await tx.run<{ state: OrganizationState | { isPerson: true } }>({
    text: `MATCH (n:Actor {id: $id})
           ${lockNode('n')}
           RETURN CASE WHEN n:Person THEN { isPerson: true } ELSE n { .id, .kind, .name, .description, .organizationNumber, .email, .phone,
             .address, .status, .version, isPerson: false,
             themes: COLLECT { MATCH (n)-[:HAS_THEME]->(t:Theme) RETURN t.key ORDER BY t.key },
             municipalities: COLLECT { MATCH (n)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code },
             sources: COLLECT { MATCH (n)-[:CITES]->(s:Source) RETURN s.id },
             parent: COLLECT { MATCH (n)-[:PART_OF]->(p:Organization) RETURN p.id }[0] } END AS state`,
    parameters: { id },
  });
  return result.records[0]?.get('state') ?? null;
}

/** The fields of an organisation an edit may set, null clearing an optional one. */
export type OrganizationPatch = Partial<
  Pick<OrganizationShape, 'name' | 'description' | 'email' | 'phone' | 'status' | 'themes' | 'municipalities'>
> & {
  reviewApproved?: boolean;
  reviewReason?: string | null;
  reviewedAt?: DateTime<number>;
  reviewedBy?: string | null;
};

export async function updateOrganization(tx: Transaction, id: string, patch: OrganizationPatch, cite: string[], author: string): Promise<void> {
  const { themes, municipalities, ...properties } = patch;
  const row: PatchRow = { properties, themes: themes ?? null, municipalities: municipalities ?? null, cite, replace: [] };
  await tx.run({ text: patchStatement('Actor:Organization', ['themes', 'municipalities'], []), parameters: { id, row, author } });
}
