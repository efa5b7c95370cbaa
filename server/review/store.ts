import { int } from 'neo4j-driver';
import { actorProjection } from '../actors/records.ts';
import type { Database } from '../db/database.ts';
import { initiativeProjection, participationProjection } from '../initiatives/records.ts';
import type { ReviewItemRecord } from './records.ts';

const inScope = (node: string) => `($all OR EXISTS { MATCH (${node})-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $scope })`;

/**
 * Everything awaiting a decision in some kommuner (all for an admin), oldest first: registrations and
 * organisations an association entered (PENDING), initiatives an association started (PENDING), and
 * claims (CLAIMED participations, by the initiative's kommuner).
 */
export class ReviewStore {
  constructor(private readonly db: Database) {}

  async queue(scope: string[] | null, first: number): Promise<ReviewItemRecord[]> {
    const result = await this.db.query<{ item: ReviewItemRecord }>({
      text: `CALL () {
               MATCH (o:Organization {status: 'PENDING'}) WHERE ${inScope('o')}
               RETURN o.createdAt AS at, o.id AS id, ${actorProjection('o')} AS item
               UNION ALL
               MATCH (i:Initiative {status: 'PENDING'}) WHERE ${inScope('i')}
               RETURN i.createdAt AS at, i.id AS id, ${initiativeProjection('i')} AS item
               UNION ALL
               MATCH (a:Actor)-[r:PARTICIPATES_IN {status: 'CLAIMED'}]->(i:Initiative) WHERE ${inScope('i')}
               RETURN r.createdAt AS at, r.id AS id, ${participationProjection('r', 'a', 'i')} AS item
             }
             RETURN item ORDER BY at, id LIMIT $limit`,
      parameters: { all: scope === null, scope: scope ?? [], limit: int(first) },
    });
    return result.records.map((record) => record.get('item'));
  }
}
