import type { ParticipationStatus } from '../auth/visibility.ts';
import type { Transaction } from '../db/database.ts';
import type { ParticipationRole } from '../initiatives/vocabulary.ts';
import { dateBounds } from './dates.ts';
import type { WriteOptions } from './links.ts';

/** A participation: an actor's role in an initiative, with its period, claim status and sources (ids, kept on the relationship). */
export interface ParticipationShape {
  id: string;
  actor: string;
  initiative: string;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
  status: ParticipationStatus;
  sources: string[];
  /** The organisation that made a claim for another, which that organisation may then confirm. */
  claimedBy?: string | null;
}

/**
 * One participation per actor, initiative and role: MERGE finds it by those (so that a seed reload finds
 * participations written before they had ids) and keeps its id.
 */
export function participationsStatement(mode: WriteOptions['mode']): string {
  const relationship =
    mode === 'create'
      ? 'CREATE (a)-[p:PARTICIPATES_IN {id: row.id, role: row.role}]->(i)'
      : 'MERGE (a)-[p:PARTICIPATES_IN {role: row.role}]->(i)';
  return `UNWIND $rows AS row
MATCH (a:Actor {id: row.actor}), (i:Initiative {id: row.initiative})
${relationship}
SET p.id = coalesce(p.id, row.id), p.since = row.since, p.until = row.until,
    p.sinceFirst = date(row.sinceFirst), p.untilLast = date(row.untilLast),
    p.status = row.status, p.sources = row.sources, p.claimedBy = row.claimedBy,
    p.createdAt = coalesce(p.createdAt, datetime()), p.createdBy = coalesce(p.createdBy, $author), p.updatedAt = datetime()`;
}

export async function writeParticipations(tx: Transaction, rows: ParticipationShape[], options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  await tx.run({
    text: participationsStatement(options.mode),
    parameters: {
      rows: rows.map((row) => ({ claimedBy: null, ...row, sinceFirst: dateBounds(row.since).first, untilLast: dateBounds(row.until).last })),
      author: options.author,
    },
  });
}
