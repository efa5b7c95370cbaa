import type { Statement } from '../../db/database.ts';
import { participationPublic, statusParameter } from '../../auth/visibility.ts';
import { ActorFlag } from './snapshot.ts';

/**
 * How a row names what it links to. The full read names nodes by Neo4j's internal id (cheap to send,
 * and stable within its one transaction); a catch-up reads a few rows and names them by our ids and
 * keys, which the snapshot's indexes map to its numbers.
 */
export type Naming = 'node' | 'key';

const nameOf = (variable: string, key: string, naming: Naming) => (naming === 'node' ? `id(${variable})` : `${variable}.${key}`);

/**
 * Every actor (or those whose ids are given) with its links, each list read by expanding from the actor.
 * (While an index on the participations' status existed, a planner misled by its stale statistics after a
 * bulk load scanned that index once per actor here: 10 s instead of 0.2 s for 5 000 actors; migration
 * 0006 drops it.)
 */
export function actorRowsStatement(naming: Naming, ids?: string[]): Statement {
  return {
    text: `MATCH (a:Actor) ${ids ? 'WHERE a.id IN $ids' : ''}
           RETURN id(a) AS node, a.id AS id, a.name AS name,
             CASE WHEN a:Organization THEN $flag.ORGANIZATION ELSE 0 END
               + CASE WHEN a:Person THEN $flag.PERSON ELSE 0 END
               + CASE WHEN a:RoleModel THEN $flag.ROLE_MODEL ELSE 0 END
               + CASE WHEN a.status IN $status.organization.everyone THEN $flag.PUBLIC ELSE 0 END
               + CASE WHEN a.consentGiven = true THEN $flag.CONSENTED ELSE 0 END AS flags,
             [(a)-[:HAS_THEME]->(t:Theme) | ${nameOf('t', 'key', naming)}] AS themes,
             [(a)-[:IN_MUNICIPALITY]->(m:Municipality) | ${nameOf('m', 'code', naming)}] AS places,
             [(a)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE ${participationPublic('r', 'i', '$status')} | ${nameOf('i', 'id', naming)}] AS initiatives,
             [(a)-[:PART_OF]-(b:Actor) | ${nameOf('b', 'id', naming)}] AS related,
             [(a)-[:AFFILIATED_WITH]-(b:Actor) | ${nameOf('b', 'id', naming)}] AS affiliated`,
    parameters: { flag: ActorFlag, status: statusParameter, ...(ids ? { ids } : {}) },
  };
}

/** Every initiative that everyone sees (or those of them whose ids are given), with its themes, kommuner and the roots of its family. */
export function initiativeRowsStatement(naming: Naming, ids?: string[]): Statement {
  return {
    text: `MATCH (i:Initiative) WHERE i.status IN $status.initiative.everyone ${ids ? 'AND i.id IN $ids' : ''}
           RETURN id(i) AS node, i.id AS id, i.name AS name,
             duration.inDays(date('1970-01-01'), i.startFirst).days AS firstDay,
             duration.inDays(date('1970-01-01'), i.endLast).days AS lastDay,
             [(i)-[:HAS_THEME]->(t:Theme) | ${nameOf('t', 'key', naming)}] AS themes,
             [(i)-[:IN_MUNICIPALITY]->(m:Municipality) | ${nameOf('m', 'code', naming)}] AS places,
             COLLECT { MATCH family = (i)-[:PART_OF*0..]->(root:Initiative)
                       WHERE all(n IN nodes(family) WHERE n.status IN $status.initiative.everyone)
                         AND NOT EXISTS { MATCH (root)-[:PART_OF]->(whole:Initiative) WHERE whole.status IN $status.initiative.everyone }
                       RETURN DISTINCT ${nameOf('root', 'id', naming)} } AS roots`,
    parameters: { status: statusParameter, ...(ids ? { ids } : {}) },
  };
}
