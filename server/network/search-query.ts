import { int } from 'neo4j-driver';
import { actorVisible, findableByText, initiativeVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { actorProjection } from '../actors/records.ts';
import { initiativeProjection } from '../initiatives/records.ts';
import { anyWordQuery } from '../shared/fulltext.ts';
import { organizationNumbersIn } from './search/organization-numbers.ts';
import { municipalitiesNamed } from './search/places.ts';
import { foldedWords, nameQuery } from './search/words.ts';

/** What a search text asks for: its words, the organisationsnummer and the places it names. */
export interface SearchPlan {
  words: string[];
  /** The text for the Swedish indexes, without the numbers. */
  text: string;
  numbers: string[];
  municipalities: string[];
}

export function planSearch(text: string): SearchPlan {
  const { numbers, rest } = organizationNumbersIn(text);
  const words = foldedWords(rest);
  return { words, text: rest, numbers, municipalities: municipalitiesNamed(words) };
}

/** Candidates per branch: enough beyond the page for the ranking to reorder what Lucene ranked. */
export const candidatesPerBranch = (first: number) => first + 20;

/** A place as big as a city holds thousands of actors; this many are weighed, the most local first. */
const PLACE_CANDIDATES_READ = 2000;

const visibleHit = (node: string) => `CASE WHEN ${node}:Initiative THEN ${initiativeVisible(node)} ELSE ${actorVisible(node)} AND ${findableByText(node)} END`;

/**
 * One statement gathers candidates from every branch the text calls for, each filtered by the viewer's
 * visibility: names (standard-folding: case, diacritics, prefix, one typo), Swedish full text of names
 * and descriptions (inflections), organisationsnummer, and what works in a named kommun or län. The
 * ranking (search/ranking.ts) then orders them; buildSearchHits reads the page it chose.
 */
export function buildSearchCandidates(plan: SearchPlan, first: number, viewer: Record<string, unknown>): Statement | null {
  const branches: string[] = [];
  if (plan.words.length > 0) {
    branches.push(`
  CALL db.index.fulltext.queryNodes('search_name', $nameQuery, {limit: $candidates}) YIELD node, score
  WHERE ${visibleHit('node')}
  RETURN node, score AS nameScore, 0.0 AS textScore, false AS numbered`);
    branches.push(`
  CALL db.index.fulltext.queryNodes('actor_text', $textQuery, {limit: $candidates}) YIELD node, score
  WHERE ${actorVisible('node')} AND ${findableByText('node')}
  RETURN node, 0.0 AS nameScore, score AS textScore, false AS numbered`);
    branches.push(`
  CALL db.index.fulltext.queryNodes('initiative_text', $textQuery, {limit: $candidates}) YIELD node, score
  WHERE ${initiativeVisible('node')}
  RETURN node, 0.0 AS nameScore, score AS textScore, false AS numbered`);
  }
  if (plan.numbers.length > 0) {
    branches.push(`
  UNWIND $numbers AS number
  MATCH (node:Organization {organizationNumber: number})
  WHERE ${actorVisible('node')}
  RETURN node, 0.0 AS nameScore, 0.0 AS textScore, true AS numbered`);
  }
  if (plan.municipalities.length > 0) {
    branches.push(`
  MATCH (place:Municipality)<-[:IN_MUNICIPALITY]-(node)
  WHERE place.code IN $municipalities AND (node:Organization OR node:Person OR node:Initiative)
  WITH DISTINCT node LIMIT ${PLACE_CANDIDATES_READ}
  WITH node, COUNT { (node)-[:IN_MUNICIPALITY]->() } AS spread ORDER BY spread
  WHERE ${visibleHit('node')}
  WITH node LIMIT $candidates
  RETURN node, 0.0 AS nameScore, 0.0 AS textScore, false AS numbered`);
  }
  if (branches.length === 0) return null;
  const placeFacts =
    plan.municipalities.length > 0
      ? `EXISTS { (node)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $municipalities } AS inPlace,
  COUNT { (node)-[:IN_MUNICIPALITY]->() } AS spread,
  node:MunicipalUnit AND NOT EXISTS { (node)-[:PART_OF]->() }
    AND EXISTS { (node)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE m.code IN $municipalities } AS placeHome`
      : 'false AS inPlace, 0 AS spread, false AS placeHome';
  return {
    text: `
CALL () {${branches.join('\n  UNION ALL')}
}
WITH node, max(nameScore) AS nameScore, max(textScore) AS textScore, any(n IN collect(numbered) WHERE n) AS numbered
RETURN node.id AS id, node.name AS name, node.title AS title, nameScore, textScore, numbered,
  ${placeFacts}`,
    parameters: {
      nameQuery: nameQuery(plan.words),
      textQuery: anyWordQuery(plan.text),
      numbers: plan.numbers,
      municipalities: plan.municipalities,
      candidates: int(candidatesPerBranch(first)),
      viewer,
    },
  };
}

/** The chosen hits, in the order given; each was visible to the viewer in the candidate statement. */
export function buildSearchHits(ids: string[]): Statement {
  return {
    text: `
UNWIND range(0, size($ids) - 1) AS position
CALL (position) {
  MATCH (node:Actor {id: $ids[position]}) RETURN node
  UNION
  MATCH (node:Initiative {id: $ids[position]}) RETURN node
}
WITH position, node ORDER BY position
RETURN CASE WHEN node:Initiative
         THEN { initiative: ${initiativeProjection('node')} }
         ELSE { actor: ${actorProjection('node')} } END AS hit`,
    parameters: { ids },
  };
}
