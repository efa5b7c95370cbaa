import type { Transaction } from '../db/database.ts';
import { nodeFor, provenance, replaceLists, replaceOne, type WriteOptions } from './links.ts';

/** A recorded consent to show a role model publicly. */
export interface ConsentShape {
  id: string;
  purpose: string;
  givenBy: string;
  /** ISO date and time; now when null. */
  givenAt: string | null;
}

/** A person as stored: a role model, or a contact of an organisation or initiative. */
export interface PersonShape {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  roleModel: boolean;
  email: string | null;
  phone: string | null;
  /** The organisation the person works for. */
  organization: string | null;
  themes: string[];
  municipalities: string[];
  sources: string[];
  /** A consent given when the person was recorded; a role model is shown publicly only with one. */
  consent?: ConsentShape | null;
  seedKey?: string | null;
}

export function peopleStatement(mode: WriteOptions['mode']): string {
  return `${nodeFor('Actor:Person', mode)}
SET n.kind = CASE WHEN row.roleModel THEN 'ROLE_MODEL' ELSE 'PERSON' END, n.name = row.name, n.title = row.title,
    n.description = row.description, n.email = row.email, n.phone = row.phone, n.seedKey = row.seedKey, ${provenance}
FOREACH (_ IN CASE WHEN row.roleModel THEN [1] ELSE [] END | SET n:RoleModel)
WITH n, row
CALL (n, row) {
  WITH n, row WHERE row.consent IS NOT NULL
  MERGE (n)-[:GAVE]->(c:Consent {id: row.consent.id})
  SET c.purpose = row.consent.purpose, c.givenBy = row.consent.givenBy,
      c.givenAt = coalesce(datetime(row.consent.givenAt), datetime()), c.recordedBy = $author, n.consentGiven = true
}
${replaceLists(['themes', 'municipalities', 'sources'], mode)}
${replaceOne('organization', 'AFFILIATED_WITH', 'Actor:Organization', mode)}`;
}

export async function writePeople(tx: Transaction, rows: PersonShape[], options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({
    text: peopleStatement(options.mode),
    parameters: { rows: rows.map((row) => ({ seedKey: null, consent: null, ...row, replace: ['organization'] })), author: options.author },
  });
}
