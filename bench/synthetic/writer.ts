import type { Statement, Transaction } from '../../server/db/database.ts';
import { initiativesStatement, type InitiativeShape } from '../../server/repositories/initiatives.ts';
import { organizationsStatement, type OrganizationShape } from '../../server/repositories/organizations.ts';
import { participationsStatement, type ParticipationShape } from '../../server/repositories/participations.ts';
import { peopleStatement, type PersonShape } from '../../server/repositories/people.ts';
import type { Batch } from './network.ts';
import { SYNTHETIC_AUTHOR } from './plan.ts';
import type { InitiativeRow, OrganizationRow, ParticipationRow, RoleModelRow } from './rows.ts';
import { countBatch } from './tally.ts';

/**
 * The generator's rows as the write repositories' shapes, with what every synthetic entity has alike: none
 * cites a source, and every initiative is verified. The first and last days of a period, which the
 * statements read, come with the rows from the generator.
 */
const organizationShape = (row: OrganizationRow): OrganizationShape => ({ ...row, address: null, sources: [], parent: row.parent ?? null });
const roleModelShape = (row: RoleModelRow): PersonShape => ({ ...row, roleModel: true, sources: [] });
const initiativeShape = (row: InitiativeRow): InitiativeShape & Pick<InitiativeRow, 'startFirst' | 'endLast'> => ({ ...row, status: 'VERIFIED', sources: [] });
const participationShape = (row: ParticipationRow): ParticipationShape & Pick<ParticipationRow, 'sinceFirst' | 'untilLast'> => ({ ...row, sources: [] });

/**
 * The write repositories' own statements in create mode: the loader writes only into a database without
 * this network, so nothing can exist yet, and CREATE skips the lookup MERGE needs.
 */
function statementFor(batch: Batch): Statement {
  const author = SYNTHETIC_AUTHOR;
  switch (batch.type) {
    case 'organizations':
      return { text: organizationsStatement(batch.kind, 'create'), parameters: { rows: batch.rows.map(organizationShape), author } };
    case 'roleModels':
      return { text: peopleStatement('create'), parameters: { rows: batch.rows.map(roleModelShape), author } };
    case 'initiatives':
      return { text: initiativesStatement('create'), parameters: { rows: batch.rows.map(initiativeShape), author } };
    case 'participations':
      return { text: participationsStatement('create'), parameters: { rows: batch.rows.map(participationShape), author } };
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
