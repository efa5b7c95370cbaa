import { int } from 'neo4j-driver';
import { actorVisible, findableByText } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { afterCursorClauses, type Cursor } from '../shared/cursor.ts';
import { allWordsQuery } from '../shared/fulltext.ts';
import { actorProjection } from './records.ts';

export interface ActorFilter {
  kinds?: string[] | null;
  themes?: string[] | null;
  municipalities?: string[] | null;
  counties?: string[] | null;
  text?: string | null;
}

/**
 * Builds the statements for one page of actors and their total. Every clause is fixed text chosen by
 * which filters are present; every value is a parameter. An actor "works on" a theme or in a place
 * when it says so itself or when one of its confirmed initiatives does.
 */
export function buildActorPage(
  filter: ActorFilter,
  page: { first: number; after: Cursor | null },
  viewer: Record<string, unknown>,
  /** More columns for the page's actors `a`, as fixed text from the store. */
  extraColumns = '',
): { page: Statement; count: Statement } {
  const conditions = [actorVisible('a')];
  const parameters: Record<string, unknown> = { viewer };

  if (filter.kinds?.length) {
    conditions.push('a.kind IN $kinds');
    parameters.kinds = filter.kinds;
  }
  if (filter.themes?.length) {
    conditions.push(`(EXISTS { MATCH (a)-[:HAS_THEME]->(t:Theme) WHERE t.key IN $themes }
      OR EXISTS { MATCH (a)-[r:PARTICIPATES_IN]->(:Initiative)-[:HAS_THEME]->(t:Theme) WHERE r.status = 'CONFIRMED' AND t.key IN $themes })`);
    parameters.themes = filter.themes;
  }
  if (filter.municipalities?.length) {
    conditions.push(`(EXISTS { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $municipalities }
      OR EXISTS { MATCH (a)-[r:PARTICIPATES_IN]->(:Initiative)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE r.status = 'CONFIRMED' AND m.code IN $municipalities })`);
    parameters.municipalities = filter.municipalities;
  }
  if (filter.counties?.length) {
    conditions.push(`(EXISTS { MATCH (a)-[:IN_MUNICIPALITY]->(:Municipality)-[:IN_COUNTY]->(c:County) WHERE c.code IN $counties }
      OR EXISTS { MATCH (a)-[r:PARTICIPATES_IN]->(:Initiative)-[:IN_MUNICIPALITY]->(:Municipality)-[:IN_COUNTY]->(c:County) WHERE r.status = 'CONFIRMED' AND c.code IN $counties })`);
    parameters.counties = filter.counties;
  }
  let source = 'MATCH (a:Actor)';
  if (filter.text) {
    source = "CALL db.index.fulltext.queryNodes('actor_text', $text) YIELD node AS a";
    conditions.push(findableByText('a'));
    parameters.text = allWordsQuery(filter.text);
  }

  const where = `WHERE ${conditions.join('\n  AND ')}`;
  const after = afterCursorClauses('Actor', 'a');
  return {
    page: {
      text: `${after.bind}${source}
${where}
  AND ${after.condition}
WITH a ORDER BY a.name, a.id LIMIT $limit
RETURN ${actorProjection('a')} AS actor${extraColumns}`,
      parameters: { ...parameters, after: page.after?.id ?? null, limit: int(page.first + 1) },
    },
    count: { text: `${source}\n${where}\nRETURN count(a) AS total`, parameters },
  };
}
