import { int } from 'neo4j-driver';
import { initiativeVisible, type ViewerParameter } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { afterCursorClauses, type Cursor } from '../shared/cursor.ts';
import { allWordsQuery } from '../shared/fulltext.ts';
import type { PartialDate } from '../shared/partial-date.ts';
import { initiativeOn } from '../research/as-of.ts';
import { initiativeProjection } from './records.ts';

export interface InitiativeFilter {
  kinds?: string[] | null;
  themes?: string[] | null;
  municipalities?: string[] | null;
  counties?: string[] | null;
  activeOn?: PartialDate | null;
  text?: string | null;
  /** A day ("YYYY-MM-DD"): the initiatives that existed then. */
  asOf?: string | null;
}

/**
 * The clauses an initiative filter adds, shared by list pages and overlaps. An initiative is active on a
 * date when its known period covers any day of it. An unknown end means still running; an unknown start
 * means it is known only by its end; an initiative with no dates at all is never "active".
 */
export function initiativeConditions(variable: string, filter: InitiativeFilter, parameters: Record<string, unknown>): string[] {
  const i = variable;
  const conditions: string[] = [];
  if (filter.kinds?.length) {
    conditions.push(`${i}.kind IN $kinds`);
    parameters.kinds = filter.kinds;
  }
  if (filter.themes?.length) {
    conditions.push(`EXISTS { MATCH (${i})-[:HAS_THEME]->(t:Theme) WHERE t.key IN $themes }`);
    parameters.themes = filter.themes;
  }
  if (filter.municipalities?.length) {
    conditions.push(`EXISTS { MATCH (${i})-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $municipalities }`);
    parameters.municipalities = filter.municipalities;
  }
  if (filter.counties?.length) {
    conditions.push(`EXISTS { MATCH (${i})-[:IN_MUNICIPALITY]->(:Municipality)-[:IN_COUNTY]->(c:County) WHERE c.code IN $counties }`);
    parameters.counties = filter.counties;
  }
  if (filter.activeOn) {
    conditions.push(`(${i}.startFirst IS NOT NULL OR ${i}.endLast IS NOT NULL)
      AND coalesce(${i}.startFirst, ${i}.endLast) <= date($activeLast)
      AND (${i}.endLast IS NULL OR ${i}.endLast >= date($activeFirst))`);
    parameters.activeFirst = filter.activeOn.first;
    parameters.activeLast = filter.activeOn.last;
  }
  if (filter.asOf) {
    conditions.push(initiativeOn(i));
    parameters.asOf = filter.asOf;
  }
  return conditions;
}

/** One page of the initiatives this viewer may see, and their total, ordered by name. */
export function buildInitiativePage(
  filter: InitiativeFilter,
  page: { first: number; after: Cursor | null },
  viewer: ViewerParameter,
): { page: Statement; count: Statement } {
  const parameters: Record<string, unknown> = { viewer };
  const conditions = [initiativeVisible('i'), ...initiativeConditions('i', filter, parameters)];
  let source = 'MATCH (i:Initiative)';
  if (filter.text) {
    source = "CALL db.index.fulltext.queryNodes('initiative_text', $text) YIELD node AS i";
    parameters.text = allWordsQuery(filter.text);
  }
  const where = `WHERE ${conditions.join('\n  AND ')}`;
  const after = afterCursorClauses('Initiative', 'i');
  const pageWhere = `${where}\n  AND ${after.condition}`;
  return {
    page: {
      text: `${after.bind}${source}
${pageWhere}
RETURN ${initiativeProjection('i')} AS initiative
ORDER BY i.name, i.id
LIMIT $limit`,
      parameters: { ...parameters, after: page.after?.id ?? null, limit: int(page.first + 1) },
    },
    count: { text: `${source}\n${where}\nRETURN count(i) AS total`, parameters },
  };
}
