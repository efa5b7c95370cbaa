import { int } from 'neo4j-driver';
import { actorVisible, findableByText, initiativeVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { actorProjection } from '../actors/records.ts';
import { initiativeProjection } from '../initiatives/records.ts';
import { anyWordQuery } from '../shared/fulltext.ts';

/** Swedish full text over actors and initiatives together, best score first. */
export function buildSearch(text: string, first: number, viewer: Record<string, unknown>): Statement {
  return {
    text: `
CALL () {
  CALL db.index.fulltext.queryNodes('actor_text', $query, {limit: $limit * 4}) YIELD node, score
  WHERE ${actorVisible('node')} AND ${findableByText('node')}
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('initiative_text', $query, {limit: $limit}) YIELD node, score
  WHERE ${initiativeVisible('node')}
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.name LIMIT $limit
RETURN CASE WHEN node:Initiative
         THEN { initiative: ${initiativeProjection('node')} }
         ELSE { actor: ${actorProjection('node')} } END AS hit`,
    parameters: { query: anyWordQuery(text), limit: int(first), viewer },
  };
}
