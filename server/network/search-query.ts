import { int } from 'neo4j-driver';
import { actorVisible, findableByText, initiativeVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { actorProjection } from '../actors/records.ts';
import { initiativeProjection } from '../initiatives/records.ts';
import { organizationNumbersIn } from './search/organization-numbers.ts';
import { municipalitiesNamed } from './search/places.ts';
import { anyWordQuery } from '../shared/fulltext.ts';
import { allWordsNameQuery, foldedWords, nameQuery } from './search/words.ts';

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

/** Candidates read from the names (and from a named place): enough beyond the page for the ranking to reorder what Lucene ranked. */
export const candidatesPerBranch = (first: number) => first + 10;

/**
 * Candidates read from the Swedish text: a page's worth. What only it finds (an inflection, a word of a
 * description) weighs a quarter of a typed word in the name, so it is shown when names hold too few.
 */
export const textCandidatesPerBranch = (first: number) => first;

/** A place as big as a city holds thousands of actors; this many are weighed, the most local first. */
const PLACE_CANDIDATES_READ = 2000;

const visibleHit = (node: string) => `CASE WHEN ${node}:Initiative THEN ${initiativeVisible(node)} ELSE ${actorVisible(node)} AND ${findableByText(node)} END`;

/**
 * One statement gathers candidates from every branch: names (standard-folding: case, diacritics, prefix,
 * one typo), Swedish full text of names and descriptions (inflections), organisationsnummer, and what
 * works in a named kommun or län. Names are asked first for every typed word as typed. Only when fewer
 * than the candidates hold them all are the rest asked: names holding any word, with its typo forms, and
 * the Swedish text (one lookup: search_text holds every kind's). What those find holds part of the text,
 * a typo or an inflection, and ranks below a name that holds it all (a typed word in the name weighs 4, a
 * typo half, the Swedish text 1), so when such names fill the candidates neither lookup is needed. A
 * node's kommuner are read only when the text names a place.
 * A branch the text does not call for gets an empty list and reads nothing, so that the statement's
 * text never changes and Neo4j plans it once. The viewer's visibility
 * predicate is applied to the candidates of every branch together, after the union, so that no branch
 * can pass it by. Each candidate comes with its record, so that one round trip answers: the ranking
 * (search/ranking.ts) then orders them and the page is cut from them.
 */
export function buildSearchCandidates(plan: SearchPlan, first: number, viewer: Record<string, unknown>): Statement | null {
  if (plan.words.length === 0 && plan.numbers.length === 0) return null;
  const words = plan.words.length > 0;
  return {
    text: `
CALL () {
  UNWIND $allWordsQueries AS allWordsQuery
  CALL db.index.fulltext.queryNodes('search_name', allWordsQuery, {limit: $candidates}) YIELD node
  RETURN collect(node) AS holdingAll
}
CALL (holdingAll) {
  UNWIND holdingAll AS node
  RETURN node, 0.0 AS textScore, false AS numbered
  UNION ALL
  UNWIND CASE WHEN size(holdingAll) < $candidates THEN $nameQueries ELSE [] END AS nameQuery
  CALL db.index.fulltext.queryNodes('search_name', nameQuery, {limit: $candidates}) YIELD node
  RETURN node, 0.0 AS textScore, false AS numbered
  UNION ALL
  UNWIND CASE WHEN size(holdingAll) < $candidates THEN $textQueries ELSE [] END AS textQuery
  CALL db.index.fulltext.queryNodes('search_text', textQuery, {limit: $textCandidates}) YIELD node, score
  RETURN node, score AS textScore, false AS numbered
  UNION ALL
  UNWIND $numbers AS number
  MATCH (node:Organization {organizationNumber: number})
  RETURN node, 0.0 AS textScore, true AS numbered
  UNION ALL
  MATCH (place:Municipality)<-[:IN_MUNICIPALITY]-(node)
  WHERE place.code IN $municipalities AND (node:Organization OR node:Person OR node:Initiative)
  WITH DISTINCT node LIMIT ${PLACE_CANDIDATES_READ}
  WITH node, COUNT { (node)-[:IN_MUNICIPALITY]->() } AS spread ORDER BY spread LIMIT $candidates
  RETURN node, 0.0 AS textScore, false AS numbered
}
WITH node, max(textScore) AS textScore, any(n IN collect(numbered) WHERE n) AS numbered
WHERE ${visibleHit('node')}
WITH node, textScore, numbered,
  CASE WHEN size($municipalities) = 0 THEN [] ELSE [(node)-[:IN_MUNICIPALITY]->(m:Municipality) | m.code] END AS places
RETURN node.id AS id, node.name AS name, node.title AS title, textScore, numbered,
  any(code IN places WHERE code IN $municipalities) AS inPlace, size(places) AS spread,
  node:MunicipalUnit AND NOT EXISTS { (node)-[:PART_OF]->() } AND any(code IN places WHERE code IN $municipalities) AS placeHome,
  CASE WHEN node:Initiative
    THEN { initiative: ${initiativeProjection('node')} }
    ELSE { actor: ${actorProjection('node')} } END AS hit`,
    parameters: {
      allWordsQueries: words ? [allWordsNameQuery(plan.words)] : [],
      nameQueries: words ? [nameQuery(plan.words)] : [],
      // Any word, without a prefix: a word cut short is found in names, where a prefix over every description would match thousands.
      textQueries: words ? [anyWordQuery(plan.text)] : [],
      numbers: plan.numbers,
      municipalities: plan.municipalities,
      candidates: int(candidatesPerBranch(first)),
      textCandidates: int(textCandidatesPerBranch(first)),
      viewer,
    },
  };
}
