import type { Transaction } from '../../../db/database.ts';
import { readNetworkRevision } from '../../../db/revision.ts';
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
 */
export async function readChangedRows(tx: Transaction, since: number, inIndex: (initiativeId: string) => boolean): Promise<ChangedRows | null> {
  const revision = Number((await tx.run<{ revision: number }>(readNetworkRevision)).records[0]!.get('revision'));
  if (revision - since > catchUpLimit.writes) return null;
  const changes = await changesBridging(tx, since, revision);
  if (!changes) return null;
  const touched = [...new Set(changes.flatMap((change) => change.ids))];
  if (touched.length > catchUpLimit.touched) return null;
  const initiatives = await readInitiatives(tx, touched);
  const flipped = [...initiatives].filter(([id, row]) => (row !== null) !== inIndex(id)).map(([id]) => id);
  const actors = await readActors(tx, [...new Set([...touched, ...(await participantsOf(tx, flipped))])]);
  return { revision, initiatives, actors };
}

/** How often, and how far apart, the newest write's change records are looked for again. */
const newestRetries = { times: 3, everyMs: 5 };

/**
 * The change records of every write after `since` up to `revision`, or null when a write left none.
 * A reader may see the newest write, the one that moved the revision to `revision`, while it is still
 * being applied: the revision node moved, its change records not there yet. Every older write had
 * finished before that one took the revision's lock, so only the newest can be in that state, and only
 * for a moment: its records are looked for again a few times before the gap is taken for one that the
 * records cannot bridge.
 */
async function changesBridging(tx: Transaction, since: number, revision: number) {
  for (let attempt = 0; ; attempt++) {
    const changes = (
      await tx.run<{ revision: number; ids: string[] }>({
        text: `MATCH (c:Change) WHERE c.revision > $since RETURN c.revision AS revision, [c.targetId] + c.subjectIds AS ids`,
        parameters: { since },
      })
    ).records.map((record) => record.toObject());
    const recorded = new Set(changes.map((change) => Number(change.revision)));
    const missing = firstMissing(recorded, since, revision);
    if (missing === null) return changes;
    if (missing !== revision || attempt === newestRetries.times) return null;
    await new Promise((resolve) => setTimeout(resolve, newestRetries.everyMs));
  }
}

function firstMissing(recorded: Set<number>, since: number, revision: number): number | null {
  for (let r = since + 1; r <= revision; r++) if (!recorded.has(r)) return r;
  return null;
}

/** The touched initiatives and every part of them (a part's family follows its whole's status), as rows. */
async function readInitiatives(tx: Transaction, touched: string[]): Promise<Map<string, InitiativeRow | null>> {
  const ids = (
    await tx.run<{ id: string }>({
      text: `MATCH (i:Initiative) WHERE i.id IN $touched
             OPTIONAL MATCH (part:Initiative)-[:PART_OF*1..]->(i)
             WITH collect(i.id) + collect(part.id) AS ids
             UNWIND ids AS id RETURN DISTINCT id`,
      parameters: { touched },
    })
  ).records.map((record) => record.get('id'));
  const rows = new Map<string, InitiativeRow | null>(ids.map((id) => [id, null]));
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
  for (const record of (await tx.run<ActorRow>(actorRowsStatement('key', ids))).records) rows.set(record.get('id'), record.toObject());
  return rows;
}
