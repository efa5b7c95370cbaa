import type { ParticipationStatus } from '../auth/visibility.ts';
import type { Transaction } from '../db/database.ts';
import type { ParticipationRole } from '../initiatives/vocabulary.ts';
import { dateBounds, neo4jDate } from './dates.ts';
import { lockNode, type WriteOptions } from './links.ts';

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

/** A participation as an edit reads it: its shape and who claimed it. */
export interface ParticipationState extends ParticipationShape {
  claimedBy: string | null;
}

const stateProjection = (r: string, a: string, i: string, claimedBy = `${r}.claimedBy`) =>
  `{ id: ${r}.id, actor: ${a}.id, initiative: ${i}.id, role: ${r}.role, since: ${r}.since, until: ${r}.until, status: ${r}.status,
     sources: coalesce(${r}.sources, []), claimedBy: ${claimedBy} }`;

/**
 * Reads a participation for an edit, holding the write locks of its initiative and then of itself (a
 * property set to itself), so that edits of one participation, and edits and additions that could give
 * an actor one role twice in one initiative, run one after the other. Null when there is none.
 */
export async function readParticipationForUpdate(tx: Transaction, id: string): Promise<ParticipationState | null> {
  const result = await tx.run<{ state: ParticipationState }>({
    text: `MATCH (a:Actor)-[r:PARTICIPATES_IN {id: $id}]->(i:Initiative)
           ${lockNode('i')}
           SET r.id = r.id
           RETURN ${stateProjection('r', 'a', 'i')} AS state`,
    parameters: { id },
  });
  return result.records[0]?.get('state') ?? null;
}

/**
 * An actor’s open claims on an initiative, locked for review, in the order of their roles. A claim from before
 * claimants were recorded counts as the actor's own: claimParticipation, which speaks only for the
 * caller's own organisation, was the only way to make one.
 */
export async function readClaimsForReview(tx: Transaction, actorId: string, initiativeId: string): Promise<ParticipationState[]> {
  const result = await tx.run<{ state: ParticipationState }>({
    text: `MATCH (a:Actor {id: $actorId})-[r:PARTICIPATES_IN]->(i:Initiative {id: $initiativeId})
           WHERE r.status = $claimed
           SET r.id = r.id
           WITH a, r, i ORDER BY r.role
           RETURN ${stateProjection('r', 'a', 'i', 'coalesce(r.claimedBy, a.id)')} AS state`,
    parameters: { actorId, initiativeId, claimed: 'CLAIMED' satisfies ParticipationStatus },
  });
  return result.records.map((record) => record.get('state'));
}

/** The statuses in which a participation holds its role: one actor takes one role in an initiative once. */
const holdingStatuses: ParticipationStatus[] = ['CONFIRMED', 'CLAIMED'];

/** Whether the actor already holds the role in the initiative, other than in the participation `exceptId`. */
export async function roleTaken(tx: Transaction, actorId: string, initiativeId: string, role: ParticipationRole, exceptId: string | null = null): Promise<boolean> {
  const result = await tx.run<{ taken: boolean }>({
    text: `RETURN EXISTS {
             MATCH (:Actor {id: $actorId})-[r:PARTICIPATES_IN {role: $role}]->(:Initiative {id: $initiativeId})
             WHERE r.status IN $holding AND ($exceptId IS NULL OR r.id <> $exceptId)
           } AS taken`,
    parameters: { actorId, initiativeId, role, holding: holdingStatuses, exceptId },
  });
  return result.records[0]!.get('taken');
}

/** The fields of a participation an edit may set; null clears a date. */
export type ParticipationPatch = Partial<Pick<ParticipationShape, 'role' | 'since' | 'until' | 'status' | 'claimedBy'>>;

/** Changes a participation and adds the sources it cites to those it cites already. */
export async function updateParticipation(tx: Transaction, id: string, patch: ParticipationPatch, cite: string[], author: string): Promise<void> {
  const properties: Record<string, unknown> = { ...patch };
  if ('since' in patch) properties.sinceFirst = neo4jDate(dateBounds(patch.since).first);
  if ('until' in patch) properties.untilLast = neo4jDate(dateBounds(patch.until).last);
  await tx.run({
    text: `MATCH ()-[r:PARTICIPATES_IN {id: $id}]->()
           SET r += $properties, r.sources = coalesce(r.sources, []) + [source IN $cite WHERE NOT source IN coalesce(r.sources, [])],
               r.updatedAt = datetime(), r.updatedBy = $author`,
    parameters: { id, properties, cite, author },
  });
}

/** Decides open claims: CONFIRMED or REJECTED, by whom and when. */
export async function reviewClaims(tx: Transaction, ids: string[], status: 'CONFIRMED' | 'REJECTED', author: string): Promise<void> {
  await tx.run({
    text: `UNWIND $ids AS id
           MATCH ()-[r:PARTICIPATES_IN {id: id}]->()
           SET r.status = $status, r.reviewedAt = datetime(), r.reviewedBy = $author, r.updatedAt = datetime(), r.updatedBy = $author`,
    parameters: { ids, status, author },
  });
}

/** Removes a participation from every read, keeping it for the history: REMOVED, why, by whom and when. */
export async function removeParticipation(tx: Transaction, id: string, reason: string, author: string): Promise<void> {
  await tx.run({
    text: `MATCH ()-[r:PARTICIPATES_IN {id: $id}]->()
           SET r.status = $removed, r.removedReason = $reason, r.removedAt = datetime(), r.removedBy = $author,
               r.updatedAt = datetime(), r.updatedBy = $author`,
    parameters: { id, reason, author, removed: 'REMOVED' satisfies ParticipationStatus },
  });
}
