import type { Transaction } from '../db/database.ts';
import { edited } from './links.ts';

/**
 * The merged organisation's participations go to the kept one. Where the kept one already has that role
 * in that initiative, its own participation stays and gains the other's sources. A moved participation
 * keeps its id and everything else it holds; it is deleted before it is made again, so that its id is
 * never held twice. Claims the merged organisation made for others become the kept one's.
 */
const moveParticipations = `
MATCH (merged:Organization {id: $merged}), (keep:Organization {id: $keep})
CALL (merged, keep) {
  MATCH (merged)-[r:PARTICIPATES_IN]->(i:Initiative)
  OPTIONAL MATCH (keep)-[same:PARTICIPATES_IN {role: r.role}]->(i)
  WITH keep, i, same, r, properties(r) AS moved
  DELETE r
  WITH keep, i, same, moved
  CALL (same, moved) {
    WITH * WHERE same IS NOT NULL
    SET same.sources = coalesce(same.sources, []) + [s IN coalesce(moved.sources, []) WHERE NOT s IN coalesce(same.sources, [])],
        same.updatedAt = datetime()
  }
  CALL (keep, i, same, moved) {
    WITH * WHERE same IS NULL
    CREATE (keep)-[p:PARTICIPATES_IN]->(i)
    SET p = moved
  }
}
CALL () {
  MATCH ()-[claim:PARTICIPATES_IN {claimedBy: $merged}]->()
  SET claim.claimedBy = $keep
}`;

/**
 * What points at the merged organisation now points at the kept one: grants it gave, people who work for
 * it, accounts that speak for it, its units. Its themes, kommuner and sources are added to the kept one's.
 * The kept organisation keeps its own parent, and takes the merged one's only when it has none; no link
 * is made that would make an organisation a part of itself. The old links go with the merged node.
 */
const moveLinks = `
MATCH (merged:Organization {id: $merged}), (keep:Organization {id: $keep})
CALL (merged, keep) { MATCH (grant:Grant)-[:FUNDED_BY]->(merged) MERGE (grant)-[:FUNDED_BY]->(keep) }
CALL (merged, keep) { MATCH (person:Person)-[:AFFILIATED_WITH]->(merged) MERGE (person)-[:AFFILIATED_WITH]->(keep) }
CALL (merged, keep) { MATCH (account:Account)-[:REPRESENTS]->(merged) MERGE (account)-[:REPRESENTS]->(keep) }
CALL (merged, keep) { MATCH (merged)-[:HAS_THEME]->(theme:Theme) MERGE (keep)-[:HAS_THEME]->(theme) }
CALL (merged, keep) { MATCH (merged)-[:IN_MUNICIPALITY]->(kommun:Municipality) MERGE (keep)-[:IN_MUNICIPALITY]->(kommun) }
CALL (merged, keep) { MATCH (merged)-[:CITES]->(source:Source) MERGE (keep)-[:CITES]->(source) }
CALL (merged, keep) {
  MATCH (unit:Organization)-[:PART_OF]->(merged)
  WHERE unit <> keep AND NOT EXISTS { (keep)-[:PART_OF*]->(unit) }
  MERGE (unit)-[:PART_OF]->(keep)
}
CALL (merged, keep) {
  MATCH (merged)-[:PART_OF]->(parent:Organization)
  WHERE parent <> keep AND NOT EXISTS { (keep)-[:PART_OF]->(:Organization) } AND NOT EXISTS { (parent)-[:PART_OF*]->(keep) }
  MERGE (keep)-[:PART_OF]->(parent)
}`;

/**
 * The merged node goes; what the kept one lacks of its description, organisationsnummer and contact it
 * takes from it (the number only once the merged node, which held it under the uniqueness constraint, is
 * gone). Its id is kept as a MergedId naming the kept organisation, and ids merged into it earlier
 * now name the kept one too, so that every merged id leads to an organisation that exists.
 */
const replaceMerged = `
MATCH (merged:Organization {id: $merged}), (keep:Organization {id: $keep})
WITH keep, merged, merged { .description, .organizationNumber, .email, .phone, .address } AS offered
DETACH DELETE merged
WITH keep, offered
SET keep.description = coalesce(keep.description, offered.description),
    keep.organizationNumber = coalesce(keep.organizationNumber, offered.organizationNumber),
    keep.email = coalesce(keep.email, offered.email),
    keep.phone = coalesce(keep.phone, offered.phone),
    keep.address = coalesce(keep.address, offered.address),
    ${edited('keep')}
CREATE (:MergedId {id: $merged, into: $keep, at: datetime(), by: $author})
WITH keep
CALL () { MATCH (earlier:MergedId {into: $merged}) SET earlier.into = $keep }`;

/** Moves everything of one organisation onto another and deletes it, in the caller's transaction. */
export async function mergeOrganizationInto(tx: Transaction, ids: { merged: string; keep: string }, author: string): Promise<void> {
  for (const text of [moveParticipations, moveLinks, replaceMerged]) {
    await tx.run({ text, parameters: { ...ids, author } });
  }
}
