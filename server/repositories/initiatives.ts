import type { InitiativeStatus } from '../auth/visibility.ts';
import type { Transaction } from '../db/database.ts';
import type { InitiativeKind } from '../initiatives/vocabulary.ts';
import { dateBounds } from './dates.ts';
import { nodeFor, provenance, replaceLists, replaceOne, type WriteOptions } from './links.ts';

/** An initiative as stored. Its period is kept as written and as the first and last day it covers. */
export interface InitiativeShape {
  id: string;
  kind: InitiativeKind;
  name: string;
  description: string | null;
  start: string | null;
  end: string | null;
  status: InitiativeStatus;
  themes: string[];
  municipalities: string[];
  sources: string[];
  /** The initiative this one is a part of. */
  partOf: string | null;
  seedKey?: string | null;
}

export function initiativesStatement(mode: WriteOptions['mode']): string {
  return `${nodeFor('Initiative', mode)}
SET n.kind = row.kind, n.name = row.name, n.description = row.description, n.start = row.start, n.end = row.end,
    n.startFirst = date(row.startFirst), n.endLast = date(row.endLast), n.status = row.status, n.seedKey = row.seedKey, ${provenance}
${replaceLists(['themes', 'municipalities', 'sources'])}
${replaceOne('partOf', 'PART_OF', 'Initiative')}`;
}

export async function writeInitiatives(tx: Transaction, rows: InitiativeShape[], options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({
    text: initiativesStatement(options.mode),
    parameters: {
      rows: rows.map((row) => ({
        seedKey: null,
        ...row,
        startFirst: dateBounds(row.start).first,
        endLast: dateBounds(row.end).last,
        replace: ['partOf'],
      })),
      author: options.author,
    },
  });
}
