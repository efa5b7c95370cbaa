import type { Transaction } from '../db/database.ts';
import { nodeFor, provenance, replaceLists, type WriteOptions } from './links.ts';

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
