import type { Transaction } from '../../../db/database.ts';
import { networkRevisionLookup } from '../../../db/revision.ts';
import { actorRowsStatement, initiativeRowsStatement } from '../row-statements.ts';

export interface ActorRow {
  id: string;
  name: string | null;
  flags: number;
  themes: string[];
  places: string[];
  initiatives: string[];
  related: string[];
  affiliated: string[];
}

export interface InitiativeRow {
  id: string;
  name: string;
  firstDay: number | null;
  lastDay: number | null;
  themes: string[];
  places: string[];
  roots: string[];
}

/** The rows the writes since a revision changed, as they are now; null for one no longer in the network. */
export interface ChangedRows {
  revision: number;
  initiatives: Map<string, InitiativeRow | null>;
  actors: Map<string, ActorRow | null>;
}

/**
 * Past this many writes behind, or this many actors and initiatives touched (an import of a whole file
 * is one write), reading the network whole costs less than reading what they changed.
 */
const catchUpLimit = { writes: 2_000, touched: 5_000 };

/**
 * What the writes after `since` changed, read in one transaction: each write's change records name the
 * actors and initiatives it touched (targetId, subjectIds), and their rows are read again whole, so
 * applying them gives what a full read would. The revision is read first, as the full read reads it:
 * the rows then hold at least what it holds.
 *
 * Null when the change records cannot bridge the gap: a write that moved the revision without change
 * records (the seed loader, a bulk load, a restore), or too many changes. The caller then reads it all.
 *
 * `inIndex` says whether an initiative is in the snapshot now: one that appears or disappears takes its
 * participants' rows with it, so those are read too.
 *
 * Every request behind the index waits for this, so it takes two round trips where it can: the changes
 * with the initiatives they touch, then the initiatives' and actors' rows sent together.
 */
export async function readChangedRows(tx: Transaction, since: number, inIndex: (initiativeId: string) => boolean): Promise<ChangedRows | null> {
  const changes = await changesBridging(tx, since);
  if (!changes) return null;
  const { revision, touched, initiativeIds } = changes;
  if (touched.length > catchUpLimit.touched) return null;
  const [initiatives, actors] = await Promise.all([readInitiatives(tx, initiativeIds), readActors(tx, touched)]);
  const flipped = [...initiatives].filter(([id, row]) => (row !== null) !== inIndex(id)).map(([id]) => id);
  const participants = (await participantsOf(tx, flipped)).filter((id) => !actors.has(id));
  for (const [id, row] of await readActors(tx, participants)) actors.set(id, row);
  return { revision, initiatives, actors };
}

/**
 * How often the newest write's change records are looked for again, the waits doubling from the first:
 * about a sixth of a second in all, since the alternative, reading the whole network, takes seconds.
 */
const newestRetries = { times: 5, firstWaitMs: 5 };

/**
 * The revision, and the ids every write after `since` touched with the initiatives among them and their
 * parts (a part's family follows its whole's status); null when a write left no change records or the
 * gap is too wide. A reader may see the newest write, the one that moved the revision, while it is still
 * being applied: the revision node moved, its change records not there yet. Every older write had
 * finished before that one took the revision's lock, so only the newest can be in that state, and only
 * for a moment (longer on a machine whose cores are busy): its records are looked for again a few times
 * before the gap is taken for one that the records cannot bridge.
 */
async function changesBridging(tx: Transaction, since: number) {
  for (let attempt = 0; ; attempt++) {
    const result = await tx.run<{ revision: number; revisions: number[]; touched: string[]; initiativeIds: string[] }>({
      text: `${networkRevisionLookup}
             CALL (revision) {
               WITH revision WHERE revision - $since <= $maxWrites
               MATCH (c:Change) WHERE c.revision > $since
               UNWIND [c.targetId] + c.subjectIds AS id
               RETURN collect(DISTINCT c.revision) AS revisions, collect(DISTINCT id) AS touched
             }
             RETURN revision, revisions, touched,
                    COLLECT {
                      MATCH (i:Initiative) WHERE i.id IN touched
                      MATCH (part:Initiative)-[:PART_OF*0..]->(i)
                      RETURN DISTINCT part.id
                    } AS initiativeIds`,
      parameters: { since, maxWrites: catchUpLimit.writes },
    });
    const { revision, revisions, touched, initiativeIds } = result.records[0]!.toObject();
    if (revision - since > catchUpLimit.writes) return null;
    const missing = firstMissing(new Set(revisions.map(Number)), since, revision);
    if (missing === null) return { revision, touched, initiativeIds };
    if (missing !== revision || attempt === newestRetries.times) return null;
    await new Promise((resolve) => setTimeout(resolve, newestRetries.firstWaitMs * 2 ** attempt));
  }
}

function firstMissing(recorded: Set<number>, since: number, revision: number): number | null {
  for (let r = since + 1; r <= revision; r++) if (!recorded.has(r)) return r;
  return null;
}

/** The rows of the initiatives given; one no longer in the network reads as null. */
async function readInitiatives(tx: Transaction, ids: string[]): Promise<Map<string, InitiativeRow | null>> {
  const rows = new Map<string, InitiativeRow | null>(ids.map((id) => [id, null]));
  if (ids.length === 0) return rows;
  for (const record of (await tx.run<InitiativeRow>(initiativeRowsStatement('key', ids))).records) rows.set(record.get('id'), record.toObject());
  return rows;
}

async function participantsOf(tx: Transaction, initiativeIds: string[]): Promise<string[]> {
  if (initiativeIds.length === 0) return [];
  const result = await tx.run<{ id: string }>({
    text: `MATCH (a:Actor)-[:PARTICIPATES_IN]->(i:Initiative) WHERE i.id IN $initiativeIds RETURN DISTINCT a.id AS id`,
    parameters: { initiativeIds },
  });
  return result.records.map((record) => record.get('id'));
}

/** The rows of those of `ids` that are actors; an id that is no actor (any more) reads as null. */
async function readActors(tx: Transaction, ids: string[]): Promise<Map<string, ActorRow | null>> {
  const rows = new Map<string, ActorRow | null>(ids.map((id) => [id, null]));
  if (ids.length === 0) return rows;
  for (const record of (await tx.run<ActorRow>(actorRowsStatement('key', ids))).records) rows.set(record.get('id'), record.toObject());
  return rows;
}
