import type { Transaction } from '../db/database.ts';
import { nodeFor, provenance, replaceLists, replaceOne, type WriteOptions } from './links.ts';

/** Something dated that happened within an initiative or a kommun. */
export interface EventShape {
  id: string;
  name: string;
  date: string | null;
  description: string | null;
  initiative: string | null;
  municipalities: string[];
  sources: string[];
  seedKey?: string | null;
}

export function eventsStatement(mode: WriteOptions['mode']): string {
  return `${nodeFor('Event', mode)}
SET n.name = row.name, n.date = row.date, n.description = row.description, n.seedKey = row.seedKey, ${provenance}
${replaceOne('initiative', 'OF', 'Initiative', mode)}
${replaceLists(['municipalities', 'sources'], mode)}`;
}

export async function writeEvents(tx: Transaction, rows: EventShape[], options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({
    text: eventsStatement(options.mode),
    parameters: { rows: rows.map((row) => ({ seedKey: null, ...row, replace: ['initiative'] })), author: options.author },
  });
}
