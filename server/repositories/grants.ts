import type { Transaction } from '../db/database.ts';
import { edited, lockNode, nodeFor, patchStatement, provenance, replaceLists, type PatchRow, type WriteOptions } from './links.ts';

/** Money given to an initiative (360Giving's grant): who funds it, how much, in which ISO 4217 currency. */
export interface GrantShape {
  id: string;
  funder: string;
  initiative: string;
  amount: number;
  currency: string;
  programme: string | null;
  awarded: string | null;
  sources: string[];
  seedKey?: string | null;
}

export function grantsStatement(mode: WriteOptions['mode']): string {
  return `${nodeFor('Grant', mode)}
SET n.amount = toFloat(row.amount), n.currency = row.currency, n.programme = row.programme, n.awarded = row.awarded,
    n.seedKey = row.seedKey, ${provenance}
WITH n, row
MATCH (funder:Actor {id: row.funder}), (initiative:Initiative {id: row.initiative})
MERGE (n)-[:FUNDED_BY]->(funder)
MERGE (n)-[:FOR]->(initiative)
${replaceLists(['sources'], mode)}`;
}

export async function writeGrants(tx: Transaction, rows: GrantShape[], options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({ text: grantsStatement(options.mode), parameters: { rows: rows.map((row) => ({ seedKey: null, ...row })), author: options.author } });
}

/** A grant as an edit reads it: its shape and version. */
export interface GrantState extends GrantShape {
  version: number;
}

/**
 * Reads a grant for an edit, holding the write locks of its initiative and then of itself, so that two
 * edits of one grant run one after the other and the second reads what the first wrote. Null when there
 * is none, or when it was removed: a removed grant is kept for the history only.
 */
export async function readGrantForUpdate(tx: Transaction, id: string): Promise<GrantState | null> {
  const result = await tx.run<{ state: GrantState }>({
    text: `MATCH (funder:Actor)<-[:FUNDED_BY]-(n:Grant {id: $id})-[:FOR]->(initiative:Initiative)
           WHERE n.removedAt IS NULL
           ${lockNode('initiative')}
           ${lockNode('n')}
           RETURN n { .id, .amount, .currency, .programme, .awarded, .version, funder: funder.id, initiative: initiative.id,
             sources: COLLECT { MATCH (n)-[:CITES]->(s:Source) RETURN s.id } } AS state`,
    parameters: { id },
  });
  return result.records[0]?.get('state') ?? null;
}

/** The fields of a grant an edit may set, null clearing an optional one. */
export type GrantPatch = Partial<Pick<GrantShape, 'funder' | 'amount' | 'currency' | 'programme' | 'awarded'>>;

/** Changes a grant, moves it to another funder when the patch names one, and adds the sources it cites. */
export async function updateGrant(tx: Transaction, id: string, patch: GrantPatch, cite: string[], author: string): Promise<void> {
  const { funder, ...properties } = patch;
  const row: PatchRow = { properties, cite, replace: funder ? ['funder'] : [], funder: funder ?? null };
  await tx.run({ text: patchStatement('Grant', [], [['funder', 'FUNDED_BY', 'Actor']]), parameters: { id, row, author } });
}

/** Removes a grant from every read, keeping it for the history: why, by whom and when. */
export async function removeGrant(tx: Transaction, id: string, reason: string, author: string): Promise<void> {
  await tx.run({
    text: `MATCH (n:Grant {id: $id})
           SET n.removedAt = datetime(), n.removedReason = $reason, n.removedBy = $author, ${edited('n')}`,
    parameters: { id, reason, author },
  });
}
