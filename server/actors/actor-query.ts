import { int } from 'neo4j-driver';
import { actorVisible, findableByText, participationPublic } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { afterCursorClauses, type Cursor } from '../shared/cursor.ts';
import { allWordsQuery } from '../shared/fulltext.ts';
import { participationOn } from '../research/as-of.ts';
import { actorProjection } from './records.ts';

export interface ActorFilter {
  kinds?: string[] | null;
  themes?: string[] | null;
  municipalities?: string[] | null;
  counties?: string[] | null;
  text?: string | null;
  /** A day ("YYYY-MM-DD"): the network as it was then. */
  asOf?: string | null;
}

/** The participations through which an actor works on a theme or in a place: public ones, and on the day asked for. */
const counting = (asOf: boolean) => (asOf ? `${participationPublic('r', 'i')} AND ${participationOn('r', 'i')}` : participationPublic('r', 'i'));

/**
 * An actor works on a theme or in a place itself, or through one of its confirmed initiatives. `pattern`
 * leads from the actor `a` or its initiative `i` to the Theme, Municipality or County the filter names.
 */
const worksThrough = (pattern: (from: string) => string, condition: string, asOf: boolean) =>
  `(EXISTS { MATCH ${pattern('a')} WHERE ${condition} }
      OR EXISTS { MATCH (a)-[r:PARTICIPATES_IN]->(i:Initiative), ${pattern('i')} WHERE ${counting(asOf)} AND ${condition} })`;

const filterPatterns = {
  themes: { pattern: (from: string) => `(${from})-[:HAS_THEME]->(t:Theme)`, condition: 't.key IN $themes' },
  municipalities: { pattern: (from: string) => `(${from})-[:IN_MUNICIPALITY]->(m:Municipality)`, condition: 'm.code IN $municipalities' },
  counties: { pattern: (from: string) => `(${from})-[:IN_MUNICIPALITY]->(:Municipality)-[:IN_COUNTY]->(c:County)`, condition: 'c.code IN $counties' },
} as const;
export type PatternFilter = keyof typeof filterPatterns;

/**
 * The actors a filter can start from, walking in from the things it names rather than testing every actor:
 * a kommun or a län holds a small share of a national network, a theme a larger one.
 */
export const startingPoints: Record<PatternFilter, (asOf: boolean) => string> = {
  municipalities: (asOf) => `CALL () {
  MATCH (m:Municipality)<-[:IN_MUNICIPALITY]-(a:Actor) WHERE m.code IN $municipalities RETURN a
  UNION
  MATCH (m:Municipality)<-[:IN_MUNICIPALITY]-(i:Initiative)<-[r:PARTICIPATES_IN]-(a:Actor) WHERE m.code IN $municipalities AND ${counting(asOf)} RETURN a
}`,
  counties: (asOf) => `CALL () {
  MATCH (c:County)<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(a:Actor) WHERE c.code IN $counties RETURN a
  UNION
  MATCH (c:County)<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(i:Initiative)<-[r:PARTICIPATES_IN]-(a:Actor)
  WHERE c.code IN $counties AND ${counting(asOf)} RETURN a
}`,
  themes: (asOf) => `CALL () {
  MATCH (t:Theme)<-[:HAS_THEME]-(a:Actor) WHERE t.key IN $themes RETURN a
  UNION
  MATCH (t:Theme)<-[:HAS_THEME]-(i:Initiative)<-[r:PARTICIPATES_IN]-(a:Actor) WHERE t.key IN $themes AND ${counting(asOf)} RETURN a
}`,
};

const placeAndThemeFilters = (filter: ActorFilter) => (['municipalities', 'counties', 'themes'] as const).filter((name) => filter[name]?.length);

/**
 * The conditions an actor filter (but its full text) puts on the actor `a`, and their parameters: what
 * a page and an export of the network share. `startsFrom` is a filter the statement already walked in
 * from, which needs no test.
 */
export function actorConditions(actor: 'a', filter: ActorFilter, parameters: Record<string, unknown>, startsFrom: PatternFilter | null = null): string[] {
  const conditions: string[] = [];
  if (filter.kinds?.length) {
    conditions.push(`${actor}.kind IN $kinds`);
    parameters.kinds = filter.kinds;
  }
  if (filter.asOf) {
    conditions.push(`EXISTS { MATCH (${actor})-[r:PARTICIPATES_IN]->(i:Initiative) WHERE ${counting(true)} }`);
    parameters.asOf = filter.asOf;
  }
  for (const name of placeAndThemeFilters(filter)) {
    parameters[name] = filter[name];
    if (name !== startsFrom) conditions.push(worksThrough(filterPatterns[name].pattern, filterPatterns[name].condition, Boolean(filter.asOf)));
  }
  return conditions;
}

/**
 * Builds the statements for one page of actors and their total. Every clause is fixed text chosen by
 * which filters are present; every value is a parameter. An actor "works on" a theme or in a place
 * when it says so itself or when one of its confirmed initiatives does. The page starts from the most
 * selective filter given (full text, a kommun, a län, a theme) and tests the others. As of a day, the
 * network is the actors with a public participation that ran on it, and they work on themes and in
 * places through those participations (or say so themselves).
 */
export function buildActorPage(
  filter: ActorFilter,
  page: { first: number; after: Cursor | null },
  viewer: Record<string, unknown>,
  /** More columns for the page's actors `a`, as fixed text from the store. */
  extraColumns = '',
): { page: Statement; count: Statement } {
  const parameters: Record<string, unknown> = { viewer };
  const start = filter.text ? null : (placeAndThemeFilters(filter)[0] ?? null);
  const conditions = [actorVisible('a'), ...actorConditions('a', filter, parameters, start)];
  let source = start ? startingPoints[start](Boolean(filter.asOf)) : 'MATCH (a:Actor)';
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
WITH cursor, a
${where}
  AND ${after.condition}
WITH a ORDER BY a.name, a.id LIMIT $limit
RETURN ${actorProjection('a')} AS actor${extraColumns}`,
      parameters: { ...parameters, after: page.after?.id ?? null, limit: int(page.first + 1) },
    },
    count: { text: `${source}\nWITH a\n${where}\nRETURN count(a) AS total`, parameters },
  };
}
