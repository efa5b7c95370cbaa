import type { Transaction } from '../db/database.ts';
import { edited, lockNode, nodeFor, provenance, replaceLists, replaceOne, type WriteOptions } from './links.ts';

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

/** Writes the consent `consent` (a ConsentShape) as one the person `n` gave; from then on the person is shown publicly. */
const giveConsent = (consent: string) => `MERGE (n)-[:GAVE]->(c:Consent {id: ${consent}.id})
  SET c.purpose = ${consent}.purpose, c.givenBy = ${consent}.givenBy,
      c.givenAt = coalesce(datetime(${consent}.givenAt), datetime()), c.recordedBy = $author, n.consentGiven = true`;

export function peopleStatement(mode: WriteOptions['mode']): string {
  return `${nodeFor('Actor:Person', mode)}
SET n.kind = CASE WHEN row.roleModel THEN 'ROLE_MODEL' ELSE 'PERSON' END, n.name = row.name, n.title = row.title,
    n.description = row.description, n.email = row.email, n.phone = row.phone, n.seedKey = row.seedKey, ${provenance}
FOREACH (_ IN CASE WHEN row.roleModel THEN [1] ELSE [] END | SET n:RoleModel)
WITH n, row
CALL (n, row) {
  WITH n, row WHERE row.consent IS NOT NULL
  ${giveConsent('row.consent')}
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

/** A person as an edit reads it: what the policy and the history need, and the contact data an erasure looks for. */
export interface PersonState {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  roleModel: boolean;
  consentGiven: boolean;
  municipalities: string[];
  version: number;
}

/** Reads a person for an edit, holding their write lock; null when the id names no person. */
export async function readPersonForUpdate(tx: Transaction, id: string): Promise<PersonState | null> {
  const result = await tx.run<{ state: PersonState }>({
    text: `MATCH (n:Actor:Person {id: $id})
           ${lockNode('n')}
           RETURN n { .id, .name, .email, .phone, .version, roleModel: n:RoleModel, consentGiven: coalesce(n.consentGiven, false),
             municipalities: COLLECT { MATCH (n)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code ORDER BY m.code } } AS state`,
    parameters: { id },
  });
  return result.records[0]?.get('state') ?? null;
}

export async function recordConsent(tx: Transaction, personId: string, consent: ConsentShape, author: string): Promise<void> {
  await tx.run({
    text: `MATCH (n:Actor:Person {id: $id})
           ${giveConsent('$consent')}
           SET ${edited('n')}`,
    parameters: { id: personId, consent, author },
  });
}

/** Withdraws every consent the person gave that still holds: from then on a role model is hidden from the public again. */
export async function withdrawConsents(tx: Transaction, personId: string, author: string): Promise<void> {
  await tx.run({
    text: `MATCH (n:Actor:Person {id: $id})
           CALL (n) { MATCH (n)-[:GAVE]->(c:Consent) WHERE c.withdrawnAt IS NULL SET c.withdrawnAt = datetime() }
           SET n.consentGiven = false, ${edited('n')}`,
    parameters: { id: personId, author },
  });
}

/**
 * Deletes the person with their consents and every relationship, and keeps an Erasure record of the
 * opaque id only, so that reloading the seed does not bring the person back.
 */
export async function deletePerson(tx: Transaction, personId: string): Promise<void> {
  await tx.run({
    text: `MATCH (p:Actor:Person {id: $id})
           OPTIONAL MATCH (p)-[:GAVE]->(c:Consent)
           DETACH DELETE c
           WITH DISTINCT p
           DETACH DELETE p
           MERGE (e:Erasure {personId: $id}) ON CREATE SET e.erasedAt = datetime()`,
    parameters: { id: personId },
  });
}
