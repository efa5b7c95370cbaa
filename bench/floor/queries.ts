/**
 * The floor: each benchmark question as one hand-written Cypher statement for an anonymous caller
 * (verified organisations, consented role models, confirmed participations). The peer's @cypher fields
 * use the same text, so the two differ only by what sits between HTTP and the driver.
 */
import { randomUUID } from 'node:crypto';

const visibleActor = (x: string) =>
  `((${x}:Organization AND ${x}.status = 'VERIFIED') OR (${x}:Person AND (NOT ${x}:RoleModel OR ${x}.consentGiven = true)))`;

/** $id: an organisation's id. One row, `profile`, or none. */
export const profileCypher = `
MATCH (o:Actor {id: $id}) WHERE o:Organization AND o.status = 'VERIFIED'
RETURN o { .id, .name, .kind, .description,
  themes: COLLECT { MATCH (o)-[:HAS_THEME]->(t:Theme) RETURN t { .key, .label } },
  municipalities: COLLECT { MATCH (o)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m { .code, .name } },
  participations: COLLECT {
    MATCH (o)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE r.status = 'CONFIRMED'
    RETURN { role: r.role, status: r.status, since: r.since, until: r.until, initiative: i { .id, .name, .kind, .start, .end } }
  }
} AS profile`;

/**
 * $county, $theme, $first: verified organisations that work on the theme and act in the län, themselves
 * or through a confirmed initiative, by name. It starts from the län, the smaller of the two.
 */
export const listCypher = `
CALL () {
  MATCH (:County {code: $county})<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(a:Organization) RETURN a
  UNION
  MATCH (:County {code: $county})<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(:Initiative)<-[r:PARTICIPATES_IN]-(a:Organization)
  WHERE r.status = 'CONFIRMED' RETURN a
}
WITH a WHERE a.status = 'VERIFIED'
  AND (EXISTS { MATCH (a)-[:HAS_THEME]->(:Theme {key: $theme}) }
    OR EXISTS { MATCH (a)-[r:PARTICIPATES_IN]->(:Initiative)-[:HAS_THEME]->(:Theme {key: $theme}) WHERE r.status = 'CONFIRMED' })
WITH a ORDER BY a.name, a.id LIMIT $first
RETURN a { .id, .name, .kind, municipalities: COLLECT { MATCH (a)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m { .code, .name } } } AS organization`;

/**
 * $id, $first: partner suggestions for an actor, scored as the service scores them (see
 * server/network/partner-scoring.ts): every reason, and every tie that rules a candidate out, is a row
 * per candidate; the rows are summed per candidate, and only the best $first are named.
 */
export const partnerSuggestionsCypher = `
MATCH (s:Actor {id: $id}) WHERE ${visibleActor('s')}
CALL (s) {
  MATCH (s)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE r.status = 'CONFIRMED'
  RETURN collect(DISTINCT i) AS initiatives
}
WITH s, initiatives,
  COLLECT { UNWIND initiatives AS i MATCH (i)<-[r:PARTICIPATES_IN]-(p:Actor) WHERE r.status = 'CONFIRMED' AND p <> s RETURN DISTINCT p } AS partners,
  COLLECT { MATCH (s)-[:HAS_THEME]->(t:Theme) RETURN t UNION UNWIND initiatives AS i MATCH (i)-[:HAS_THEME]->(t:Theme) RETURN t } AS themes,
  COLLECT { MATCH (s)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m UNION UNWIND initiatives AS i MATCH (i)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m } AS places,
  COLLECT { UNWIND initiatives AS i MATCH (i)-[:PART_OF*0..]->(root:Initiative) WHERE NOT (root)-[:PART_OF]->(:Initiative) RETURN DISTINCT root } AS families
WITH s, partners, themes, places, families,
  COLLECT { UNWIND places AS m MATCH (m)-[:IN_COUNTY]->(county:County) RETURN DISTINCT county } AS counties,
  [p IN partners WHERE p:Organization AND p.status = 'VERIFIED'] AS namedPartners
CALL (s, partners, themes, places, counties, namedPartners, families) {
  UNWIND themes AS t MATCH (t)<-[:HAS_THEME]-(c:Actor)
  RETURN c, t AS theme, null AS place, null AS county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND themes AS t MATCH (t)<-[:HAS_THEME]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor) WHERE r.status = 'CONFIRMED'
  RETURN c, t AS theme, null AS place, null AS county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND counties AS county MATCH (county)<-[:IN_COUNTY]-(m:Municipality)<-[:IN_MUNICIPALITY]-(c:Actor)
  RETURN c, null AS theme, CASE WHEN m IN places THEN m END AS place, county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND counties AS county MATCH (county)<-[:IN_COUNTY]-(m:Municipality)<-[:IN_MUNICIPALITY]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor)
  WHERE r.status = 'CONFIRMED'
  RETURN c, null AS theme, CASE WHEN m IN places THEN m END AS place, county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND namedPartners AS p MATCH (p)-[r1:PARTICIPATES_IN]->(:Initiative)<-[r2:PARTICIPATES_IN]-(c:Actor)
  WHERE r1.status = 'CONFIRMED' AND r2.status = 'CONFIRMED' AND c <> p
  RETURN c, null AS theme, null AS place, null AS county, p AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND families AS root MATCH (root)<-[:PART_OF*0..]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor) WHERE r.status = 'CONFIRMED'
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, root AS family, 0 AS excluded
  UNION ALL
  UNWIND partners AS c
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, null AS family, 1 AS excluded
  UNION ALL
  UNWIND partners + [s] AS p MATCH (p)-[:PART_OF]-(c:Actor)
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, null AS family, 1 AS excluded
  UNION ALL
  MATCH (s)-[:AFFILIATED_WITH]-(c:Actor)
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, null AS family, 1 AS excluded
}
WITH s, c, sum(excluded) AS exclusions, collect(DISTINCT theme) AS sharedThemes, collect(DISTINCT place) AS sharedPlaces,
  collect(DISTINCT county) AS sharedCounties, collect(DISTINCT partner) AS commonPartners, collect(DISTINCT family) AS sharedFamilies
WHERE exclusions = 0 AND (c:Organization OR c:RoleModel) AND c <> s AND ${visibleActor('c')}
WITH c, sharedThemes, sharedPlaces, sharedCounties, commonPartners, sharedFamilies,
  size(sharedThemes) * 1.0
  + CASE WHEN size(sharedPlaces) > 0 THEN 2.0 WHEN size(sharedCounties) > 0 THEN 1.0 ELSE 0.0 END
  + 1.5 * CASE WHEN size(commonPartners) > 3 THEN 3 ELSE size(commonPartners) END
  + CASE WHEN size(sharedFamilies) > 0 THEN 2.0 ELSE 0.0 END AS score
ORDER BY score DESC, c.name, c.id
LIMIT $first
RETURN c { .id, .name, .kind } AS actor, score,
  [t IN sharedThemes | t.label] AS sharedThemes, [m IN sharedPlaces | m.name] AS sharedMunicipalities,
  [county IN sharedCounties | county.name] AS sharedCounties, [p IN commonPartners | p.name] AS commonPartners,
  [f IN sharedFamilies | f.name] AS families`;

/**
 * $county, $today, $first: pairs of initiatives from different families that share a theme and a kommun
 * in the län and whose periods meet, scored as server/network/overlap-query.ts describes. Pairs come from
 * the (kommun, theme) groups they share, so pairs with nothing in common are never formed.
 */
export const overlapsCypher = `
MATCH (:County {code: $county})<-[:IN_COUNTY]-(m:Municipality)<-[:IN_MUNICIPALITY]-(a:Initiative)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b:Initiative)-[:IN_MUNICIPALITY]->(m)
WHERE a.id < b.id
WITH DISTINCT a, b
WHERE NOT EXISTS { MATCH (a)-[:PART_OF*0..]->(root:Initiative)<-[:PART_OF*0..]-(b) }
WITH a, b,
  coalesce(a.startFirst, a.endLast) AS aStart, coalesce(a.endLast, date($today)) AS aEnd,
  coalesce(b.startFirst, b.endLast) AS bStart, coalesce(b.endLast, date($today)) AS bEnd,
  (a.startFirst IS NOT NULL OR a.endLast IS NOT NULL) AND (b.startFirst IS NOT NULL OR b.endLast IS NOT NULL) AS dated
WITH a, b, dated, aStart, aEnd, bStart, bEnd,
  CASE WHEN dated THEN duration.inDays(CASE WHEN aStart > bStart THEN aStart ELSE bStart END,
                                       CASE WHEN aEnd < bEnd THEN aEnd ELSE bEnd END).days + 1 END AS overlappingDays
WHERE NOT dated OR overlappingDays > 0
WITH a, b, overlappingDays, aStart, aEnd, bStart, bEnd,
  COUNT { (a)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b) } AS sharedThemeCount,
  COUNT { (a)-[:IN_MUNICIPALITY]->(m:Municipality)<-[:IN_MUNICIPALITY]-(b) } AS sharedPlaceCount
WITH a, b, overlappingDays,
  toFloat(sharedThemeCount) / (COUNT { (a)-[:HAS_THEME]->() } + COUNT { (b)-[:HAS_THEME]->() } - sharedThemeCount)
  + toFloat(sharedPlaceCount) / (COUNT { (a)-[:IN_MUNICIPALITY]->() } + COUNT { (b)-[:IN_MUNICIPALITY]->() } - sharedPlaceCount)
  + CASE WHEN overlappingDays IS NULL THEN 0.5
         ELSE toFloat(overlappingDays) / CASE WHEN duration.inDays(aStart, aEnd).days < duration.inDays(bStart, bEnd).days
                                              THEN duration.inDays(aStart, aEnd).days + 1 ELSE duration.inDays(bStart, bEnd).days + 1 END END AS score
ORDER BY score DESC, a.name, b.name
LIMIT $first
RETURN a { .id, .name } AS a, b { .id, .name } AS b, score, overlappingDays`;

/** $query (Lucene words), $first: actors and initiatives, best match first. */
export const searchCypher = `
CALL () {
  CALL db.index.fulltext.queryNodes('actor_text', $query, {limit: $first * 4}) YIELD node, score
  WHERE ${visibleActor('node')}
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('initiative_text', $query, {limit: $first}) YIELD node, score
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.name LIMIT $first
RETURN node { .id, .name, type: CASE WHEN node:Initiative THEN 'Initiative' ELSE 'Actor' END } AS hit`;

/** The least a prefix search asks of the same statement: its last word as a Lucene prefix. */
export const lastWordAsPrefix = (query: string) => `${query}*`;

/**
 * $o (the organisation), $account, $municipality, $themes: a pending association and its account,
 * written in one statement.
 */
export const registerCypher = `
MATCH (m:Municipality {code: $municipality})
CREATE (o:Actor:Organization:Association {id: $o.id, kind: 'ASSOCIATION', name: $o.name, description: $o.description,
  organizationNumber: $o.organizationNumber, status: 'PENDING', email: $o.email, phone: $o.phone, createdAt: datetime(), updatedAt: datetime()})
CREATE (o)-[:IN_MUNICIPALITY]->(m)
CREATE (:Account {id: $account.id, email: $account.email, role: 'ASSOCIATION', passwordHash: $account.passwordHash, createdAt: datetime()})-[:REPRESENTS]->(o)
WITH o
CALL (o) { UNWIND $themes AS key MATCH (t:Theme {key: key}) CREATE (o)-[:HAS_THEME]->(t) }
RETURN o { .id, .name, .status } AS organization`;

/** A profile edit with its audit entry and the network revision, in one statement: what a write costs at least. */
export const updateOrganizationCypher = `
MATCH (o:Actor:Organization {id: $id})
SET o.description = $description, o.updatedAt = datetime()
CREATE (:AuditEntry {id: $entry, at: datetime(), action: 'updateOrganization', targetIds: [o.id], fields: ['description']})
WITH o
MERGE (revision:Revision {name: 'network'})
SET revision.value = coalesce(revision.value, 0) + 1
RETURN o.id AS id`;

/** A write's own ids (the node or relationship, its source, its audit entry) beside what the client sent. */
export const withNewIds = (input: Record<string, unknown>) => ({ ...input, id: randomUUID(), sourceId: randomUUID(), entry: randomUUID() });

/**
 * A new initiative citing a new source, with its themes and kommun, its audit entry and the network revision,
 * in one statement: no checks, no change record.
 */
export const createInitiativeCypher = `
CREATE (s:Source {id: $sourceId, title: $source.title, publisher: $source.publisher, createdAt: datetime()})
CREATE (i:Initiative {id: $id, kind: $kind, name: $name, description: $description, start: $start, startFirst: date($start),
  status: 'VERIFIED', createdAt: datetime(), updatedAt: datetime()})
CREATE (i)-[:CITES]->(s)
WITH i
CALL (i) { UNWIND $themes AS key MATCH (t:Theme {key: key}) CREATE (i)-[:HAS_THEME]->(t) }
CALL (i) { UNWIND $municipalities AS code MATCH (m:Municipality {code: code}) CREATE (i)-[:IN_MUNICIPALITY]->(m) }
CREATE (:AuditEntry {id: $entry, at: datetime(), action: 'createInitiative', targetIds: [i.id]})
MERGE (revision:Revision {name: 'network'})
SET revision.value = coalesce(revision.value, 0) + 1
RETURN i.id AS id`;

/** An actor's new role in an initiative citing a new source, with its audit entry and the network revision, in one statement. */
export const addParticipationCypher = `
MATCH (a:Actor {id: $actorId}), (i:Initiative {id: $initiativeId})
CREATE (s:Source {id: $sourceId, title: $source.title, publisher: $source.publisher, createdAt: datetime()})
CREATE (a)-[p:PARTICIPATES_IN {id: $id, role: $role, status: 'CONFIRMED', since: $since, sinceFirst: date($since), sources: [s.id], createdAt: datetime()}]->(i)
CREATE (:AuditEntry {id: $entry, at: datetime(), action: 'addParticipation', targetIds: [a.id, i.id]})
MERGE (revision:Revision {name: 'network'})
SET revision.value = coalesce(revision.value, 0) + 1
RETURN p.id AS id`;
