import { int } from 'neo4j-driver';
import { actorVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { actorProjection } from '../actors/records.ts';
import { partnerWeights } from './partner-scoring.ts';

const confirmed = (r: string) => `${r}.status = 'CONFIRMED'`;

/**
 * Partner suggestions and their evidence, in one statement. The subject is an actor (its profile is its
 * own themes and kommuner plus those of its confirmed initiatives) or an initiative.
 *
 * Every reason is found as rows of (candidate, what it shares) by walking out from the subject's themes,
 * län, partners and initiative families; the rows are summed per candidate with the weights of
 * partner-scoring.ts, and only the best `first` are checked in full and named. The walk never visits a
 * candidate's own profile, so the cost grows with what the subject touches, not with every candidate's.
 */
export function buildPartnerSuggestions(subjectId: string, first: number, viewer: Record<string, unknown>): Statement {
  return {
    text: `
OPTIONAL MATCH (subjectActor:Actor {id: $id}) WHERE ${actorVisible('subjectActor')}
OPTIONAL MATCH (subjectInitiative:Initiative {id: $id})
WITH subjectActor, subjectInitiative
WHERE subjectActor IS NOT NULL OR subjectInitiative IS NOT NULL
WITH subjectActor,
  CASE WHEN subjectInitiative IS NOT NULL THEN [subjectInitiative]
       ELSE COLLECT { MATCH (subjectActor)-[r:PARTICIPATES_IN]->(i:Initiative) WHERE ${confirmed('r')} RETURN DISTINCT i } END AS initiatives
WITH subjectActor, initiatives,
  COLLECT { UNWIND initiatives AS i MATCH (i)<-[r:PARTICIPATES_IN]-(p:Actor)
            WHERE ${confirmed('r')} AND (subjectActor IS NULL OR p <> subjectActor) RETURN DISTINCT p } AS partners,
  COLLECT { MATCH (subjectActor)-[:HAS_THEME]->(t:Theme) RETURN t
            UNION UNWIND initiatives AS i MATCH (i)-[:HAS_THEME]->(t:Theme) RETURN t } AS themes,
  COLLECT { MATCH (subjectActor)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m
            UNION UNWIND initiatives AS i MATCH (i)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m } AS places,
  COLLECT { UNWIND initiatives AS i MATCH (i)-[:PART_OF*0..]->(root:Initiative)
            WHERE NOT (root)-[:PART_OF]->(:Initiative) RETURN DISTINCT root } AS families
WITH subjectActor, partners, themes, places, families,
  [p IN partners WHERE p:Organization AND ${actorVisible('p')}] AS namedPartners,
  COLLECT { UNWIND places AS m MATCH (m)-[:IN_COUNTY]->(county:County) RETURN DISTINCT county } AS counties
CALL (subjectActor, partners, themes, places, counties, namedPartners, families) {
  UNWIND themes AS t MATCH (t)<-[:HAS_THEME]-(c:Actor)
  RETURN c, t AS theme, null AS place, null AS county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND themes AS t MATCH (t)<-[:HAS_THEME]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor) WHERE ${confirmed('r')}
  RETURN c, t AS theme, null AS place, null AS county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND counties AS county MATCH (county)<-[:IN_COUNTY]-(m:Municipality)<-[:IN_MUNICIPALITY]-(c:Actor)
  RETURN c, null AS theme, CASE WHEN m IN places THEN m END AS place, county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND counties AS county MATCH (county)<-[:IN_COUNTY]-(m:Municipality)<-[:IN_MUNICIPALITY]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor)
  WHERE ${confirmed('r')}
  RETURN c, null AS theme, CASE WHEN m IN places THEN m END AS place, county, null AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND namedPartners AS p MATCH (p)-[r1:PARTICIPATES_IN]->(:Initiative)<-[r2:PARTICIPATES_IN]-(c:Actor)
  WHERE ${confirmed('r1')} AND ${confirmed('r2')} AND c <> p
  RETURN c, null AS theme, null AS place, null AS county, p AS partner, null AS family, 0 AS excluded
  UNION ALL
  UNWIND families AS root MATCH (root)<-[:PART_OF*0..]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor) WHERE ${confirmed('r')}
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, root AS family, 0 AS excluded
  // Those who already work with the subject: its partners, the units and parents of it and of its partners,
  // and its own people. They are rows too, so that leaving them out costs no test per candidate.
  UNION ALL
  UNWIND partners AS c
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, null AS family, 1 AS excluded
  UNION ALL
  UNWIND [p IN partners + [subjectActor] WHERE p IS NOT NULL] AS p MATCH (p)-[:PART_OF]-(c:Actor)
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, null AS family, 1 AS excluded
  UNION ALL
  MATCH (subjectActor)-[:AFFILIATED_WITH]-(c:Actor)
  RETURN c, null AS theme, null AS place, null AS county, null AS partner, null AS family, 1 AS excluded
}
WITH subjectActor, c, sum(excluded) AS exclusions,
  collect(DISTINCT theme) AS sharedThemes, collect(DISTINCT place) AS sharedPlaces, collect(DISTINCT county) AS sharedCounties,
  collect(DISTINCT partner) AS commonPartners, collect(DISTINCT family) AS sharedFamilies
WHERE exclusions = 0 AND (c:Organization OR c:RoleModel) AND (subjectActor IS NULL OR c <> subjectActor) AND ${actorVisible('c')}
WITH c, sharedThemes, sharedPlaces, sharedCounties, commonPartners, sharedFamilies,
  $weights.sharedTheme * size(sharedThemes)
  + CASE WHEN size(sharedPlaces) > 0 THEN $weights.sameMunicipality WHEN size(sharedCounties) > 0 THEN $weights.sameCounty ELSE 0.0 END
  + $weights.commonPartner * CASE WHEN size(commonPartners) > $weights.commonPartnerCap THEN $weights.commonPartnerCap ELSE size(commonPartners) END
  + CASE WHEN size(sharedFamilies) > 0 THEN $weights.sameFamily ELSE 0.0 END AS score
ORDER BY score DESC, c.name, c.id
LIMIT $first
RETURN ${actorProjection('c')} AS actor, {
  sharedThemes: [t IN sharedThemes | t.label],
  sharedMunicipalities: [m IN sharedPlaces | m.name],
  sharedCounties: [county IN sharedCounties | county.name],
  commonPartners: [p IN commonPartners | p.name],
  families: [f IN sharedFamilies | f.name]
} AS evidence`,
    parameters: { id: subjectId, first: int(first), viewer, weights: partnerWeights },
  };
}
