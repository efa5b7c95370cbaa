import { organizationLabelByKind, organizationKinds, type OrganizationKind } from '../actors/kinds.ts';
import type { OrganizationStatus } from '../auth/visibility.ts';
import type { Transaction } from '../db/database.ts';
import { nodeFor, provenance, replaceLists, replaceOne, type WriteOptions } from './links.ts';

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
${replaceLists(['themes', 'municipalities', 'sources'])}
${replaceOne('parent', 'PART_OF', 'Organization')}`;
}

/** Writes organisations whole, one statement per kind. */
export async function writeOrganizations(tx: Transaction, rows: OrganizationShape[], options: WriteOptions): Promise<void> {
  for (const kind of organizationKinds) {
    const ofKind = rows.filter((row) => row.kind === kind).map((row) => ({ seedKey: null, ...row, replace: ['parent'] }));
    if (ofKind.length === 0) continue;
    await tx.run({ text: organizationsStatement(kind, options.mode), parameters: { rows: ofKind, author: options.author } });
  }
}
