import { int } from 'neo4j-driver';
import type { Statement } from '../db/database.ts';
import { initiativeConditions } from '../initiatives/initiative-query.ts';
import { initiativeProjection } from '../initiatives/records.ts';
import type { PartialDate } from '../shared/partial-date.ts';
import { actorVisible, participationVisible } from '../auth/visibility.ts';

export interface OverlapFilter {
  themes?: string[] | null;
  municipalities?: string[] | null;
  counties?: string[] | null;
  activeOn?: PartialDate | null;
}

/**
 * Pairs of initiatives from different families (no common root through PART_OF) that share a theme
 * and a kommun and whose periods meet. The score (0 to 3) adds the Jaccard similarity of their themes,
 * that of their kommuner, and how much of the shorter period they share (0.5 when either is undated).
 * A period runs from its start to its end; an unknown end means still running ($today), an unknown
 * start means it is known only by its end.
 *
 * Pairs are formed only within a (kommun, theme) that both have, so pairs with nothing in common are
 * never built; the shared themes and kommuner are listed only for the pairs returned.
 */
export function buildOverlaps(filter: OverlapFilter, first: number, today: string, viewer: Record<string, unknown>): Statement {
  const parameters: Record<string, unknown> = { limit: int(first), today, viewer };
  const pairConditions = ['a.id < b.id'];
  if (filter.municipalities?.length) {
    pairConditions.push('m.code IN $municipalities');
    parameters.municipalities = filter.municipalities;
  }
  if (filter.counties?.length) {
    pairConditions.push('EXISTS { MATCH (m)-[:IN_COUNTY]->(c:County) WHERE c.code IN $counties }');
    parameters.counties = filter.counties;
  }
  if (filter.themes?.length) {
    pairConditions.push('t.key IN $themes');
    parameters.themes = filter.themes;
  }
  pairConditions.push(
    ...initiativeConditions('a', { activeOn: filter.activeOn }, parameters),
    ...initiativeConditions('b', { activeOn: filter.activeOn }, parameters),
  );

  return {
    text: `
MATCH (m:Municipality)<-[:IN_MUNICIPALITY]-(a:Initiative)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b:Initiative)-[:IN_MUNICIPALITY]->(m)
WHERE ${pairConditions.join('\n  AND ')}
WITH DISTINCT a, b
WHERE NOT EXISTS { MATCH (a)-[:PART_OF*0..]->(root:Initiative)<-[:PART_OF*0..]-(b) }
WITH a, b,
  a.startFirst IS NOT NULL OR a.endLast IS NOT NULL AS aDated,
  b.startFirst IS NOT NULL OR b.endLast IS NOT NULL AS bDated,
  coalesce(a.startFirst, a.endLast) AS aStart, coalesce(a.endLast, date($today)) AS aEnd,
  coalesce(b.startFirst, b.endLast) AS bStart, coalesce(b.endLast, date($today)) AS bEnd
WITH a, b, aDated AND bDated AS dated,
  CASE WHEN aStart > bStart THEN aStart ELSE bStart END AS overlapStart,
  CASE WHEN aEnd < bEnd THEN aEnd ELSE bEnd END AS overlapEnd,
  duration.inDays(aStart, aEnd).days + 1 AS aDays, duration.inDays(bStart, bEnd).days + 1 AS bDays
WITH a, b, aDays, bDays,
  CASE WHEN dated THEN duration.inDays(overlapStart, overlapEnd).days + 1 END AS overlappingDays
WHERE overlappingDays IS NULL OR overlappingDays > 0
WITH a, b, aDays, bDays, overlappingDays,
  COUNT { (a)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b) } AS sharedThemeCount,
  COUNT { (a)-[:IN_MUNICIPALITY]->(m:Municipality)<-[:IN_MUNICIPALITY]-(b) } AS sharedPlaceCount
WITH a, b, overlappingDays,
  toFloat(sharedThemeCount) / (COUNT { (a)-[:HAS_THEME]->() } + COUNT { (b)-[:HAS_THEME]->() } - sharedThemeCount)
  + toFloat(sharedPlaceCount) / (COUNT { (a)-[:IN_MUNICIPALITY]->() } + COUNT { (b)-[:IN_MUNICIPALITY]->() } - sharedPlaceCount)
  + CASE WHEN overlappingDays IS NULL THEN 0.5 ELSE toFloat(overlappingDays) / CASE WHEN aDays < bDays THEN aDays ELSE bDays END END AS score
ORDER BY score DESC, a.name, b.name
LIMIT $limit
RETURN ${initiativeProjection('a')} AS a, ${initiativeProjection('b')} AS b, score, overlappingDays,
  COLLECT { MATCH (a)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b) RETURN t { .id, .key, .label } } AS sharedThemes,
  COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality)<-[:IN_MUNICIPALITY]-(b)
            RETURN m { .code, .name, county: COLLECT { MATCH (m)-[:IN_COUNTY]->(c:County) RETURN c { .code, .name } }[0] } } AS sharedMunicipalities,
  COLLECT {
    MATCH (a)<-[ra:PARTICIPATES_IN]-(p:Actor)-[rb:PARTICIPATES_IN]->(b)
    WHERE ${actorVisible('p')} AND ${participationVisible('ra', 'p', 'a')} AND ${participationVisible('rb', 'p', 'b')}
    RETURN DISTINCT p.id
  } AS sharedParticipantIds`,
    parameters,
  };
}
