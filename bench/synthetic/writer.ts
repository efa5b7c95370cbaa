import { organizationLabelByKind } from '../../server/actors/kinds.ts';
import type { Statement, Transaction } from '../../server/db/database.ts';
import type { Batch } from './network.ts';
import { SYNTHETIC_AUTHOR } from './plan.ts';
import { countBatch } from './tally.ts';

/**
 * CREATE, not MERGE: the loader writes only into a database without this network, so nothing can exist
 * yet, and CREATE skips the lookup MERGE needs. Endpoints are matched by their indexed keys (Actor.id,
 * Initiative.id, Theme.key, Municipality.code). Properties follow seeds/loader/network.ts.
 */
const links = `
  WITH n, row
  CALL (n, row) { UNWIND row.themes AS key MATCH (t:Theme {key: key}) CREATE (n)-[:HAS_THEME]->(t) }
  CALL (n, row) { UNWIND row.municipalities AS code MATCH (m:Municipality {code: code}) CREATE (n)-[:IN_MUNICIPALITY]->(m) }`;

const provenance = 'createdAt: datetime(), createdBy: $author, updatedAt: datetime()';

function statementFor(batch: Batch): Statement {
  const parameters = { rows: batch.rows, author: SYNTHETIC_AUTHOR };
  switch (batch.type) {
    case 'organizations':
      return {
        // The label comes from the fixed allow-list of kinds, never from data.
        text: `UNWIND $rows AS row
               CREATE (n:Actor:Organization:${organizationLabelByKind[batch.kind]} {
                 id: row.id, kind: row.kind, name: row.name, description: row.description,
                 organizationNumber: row.organizationNumber, email: row.email, phone: row.phone,
                 status: row.status, ${provenance}})
               ${links}`,
        parameters,
      };
    case 'roleModels':
      return {
        text: `UNWIND $rows AS row
               CREATE (n:Actor:Person:RoleModel {
                 id: row.id, kind: 'ROLE_MODEL', name: row.name, title: row.title, description: row.description,
                 email: row.email, phone: row.phone, ${provenance}})
               WITH n, row
               CALL (n, row) {
                 WITH n, row WHERE row.consent IS NOT NULL
                 CREATE (n)-[:GAVE]->(:Consent {id: row.consent.id, purpose: row.consent.purpose, givenBy: row.consent.givenBy,
                   givenAt: datetime(row.consent.givenAt), recordedBy: $author})
                 SET n.consentGiven = true
               }
               ${links}`,
        parameters,
      };
    case 'initiatives':
      return {
        text: `UNWIND $rows AS row
               CREATE (n:Initiative {
                 id: row.id, kind: row.kind, name: row.name, description: row.description,
                 start: row.start, end: row.end, startFirst: date(row.startFirst), endLast: date(row.endLast), ${provenance}})
               ${links}`,
        parameters,
      };
    case 'organizationParts':
      return {
        text: `UNWIND $rows AS row
               MATCH (part:Actor {id: row.part}), (whole:Actor {id: row.whole})
               CREATE (part)-[:PART_OF]->(whole)`,
        parameters,
      };
    case 'initiativeParts':
      return {
        text: `UNWIND $rows AS row
               MATCH (part:Initiative {id: row.part}), (whole:Initiative {id: row.whole})
               CREATE (part)-[:PART_OF]->(whole)`,
        parameters,
      };
    case 'affiliations':
      return {
        text: `UNWIND $rows AS row
               MATCH (person:Actor {id: row.person}), (organization:Actor {id: row.organization})
               CREATE (person)-[:AFFILIATED_WITH]->(organization)`,
        parameters,
      };
    case 'participations':
      return {
        text: `UNWIND $rows AS row
               MATCH (a:Actor {id: row.actor}), (i:Initiative {id: row.initiative})
               CREATE (a)-[:PARTICIPATES_IN {role: row.role, status: row.status, since: row.since, until: row.until,
                 sinceFirst: date(row.sinceFirst), untilLast: date(row.untilLast), sources: [], createdAt: datetime(), createdBy: $author}]->(i)`,
        parameters,
      };
  }
}

export class SyntheticLoadError extends Error {
  override name = 'SyntheticLoadError';
}

/**
 * Writes one batch and checks that Neo4j created exactly what the generator made: an endpoint that is
 * missing would otherwise drop a relationship without a word.
 */
export async function writeBatch(tx: Transaction, batch: Batch): Promise<{ nodes: number; relationships: number }> {
  const expected = countBatch(batch);
  const result = await tx.run(statementFor(batch));
  const created = result.summary.counters.updates();
  if (created.nodesCreated !== expected.nodes || created.relationshipsCreated !== expected.relationships) {
    throw new SyntheticLoadError(
      `A ${batch.type} batch of ${batch.rows.length} rows created ${created.nodesCreated} nodes and ${created.relationshipsCreated} relationships; ` +
        `the generator made ${expected.nodes} and ${expected.relationships}.`,
    );
  }
  return { nodes: expected.nodes, relationships: expected.relationships };
}
