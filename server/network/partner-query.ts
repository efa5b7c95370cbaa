import { actorVisible } from '../auth/visibility.ts';
import type { Statement } from '../db/database.ts';
import { actorProjection } from '../actors/records.ts';

const confirmed = (r: string) => `${r}.status = 'CONFIRMED'`;

/**
 * The evidence for partner suggestions, in one statement. The subject is an actor (its profile is its
 * own themes and kommuner plus those of its confirmed initiatives) or an initiative. Candidates are the
 * organisations and role models reachable through any reason, less those already working with it.
 * Only visible organisations are named as common partners.
 */
export function buildPartnerEvidence(subjectId: string, viewer: Record<string, unknown>): Statement {
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
  COLLECT { UNWIND places AS m MATCH (m)-[:IN_COUNTY]->(county:County) RETURN DISTINCT county } AS counties,
  COLLECT { UNWIND partners AS p WITH p WHERE p:Organization AND ${actorVisible('p')} RETURN p } AS namedPartners
CALL (themes, counties, partners, families) {
  UNWIND themes AS t MATCH (t)<-[:HAS_THEME]-(c:Actor) RETURN c
  UNION
  UNWIND themes AS t MATCH (t)<-[:HAS_THEME]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor) WHERE ${confirmed('r')} RETURN c
  UNION
  UNWIND counties AS county MATCH (county)<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(c:Actor) RETURN c
  UNION
  UNWIND counties AS county MATCH (county)<-[:IN_COUNTY]-(:Municipality)<-[:IN_MUNICIPALITY]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor)
  WHERE ${confirmed('r')} RETURN c
  UNION
  UNWIND partners AS p MATCH (p)-[r1:PARTICIPATES_IN]->(:Initiative)<-[r2:PARTICIPATES_IN]-(c:Actor)
  WHERE ${confirmed('r1')} AND ${confirmed('r2')} RETURN c
  UNION
  UNWIND families AS root MATCH (root)<-[:PART_OF*0..]-(:Initiative)<-[r:PARTICIPATES_IN]-(c:Actor) WHERE ${confirmed('r')} RETURN c
}
WITH subjectActor, partners, namedPartners, themes, places, counties, families, c
WHERE (c:Organization OR c:RoleModel)
  AND NOT c IN partners
  AND (subjectActor IS NULL OR c <> subjectActor)
  // A unit of the subject or of a partner (or a person of the subject) already works with it through its organisation.
  AND NOT EXISTS { MATCH (c)-[:PART_OF]-(related:Actor) WHERE related = subjectActor OR related IN partners }
  AND NOT EXISTS { MATCH (c)-[:AFFILIATED_WITH]-(subjectActor) }
  AND ${actorVisible('c')}
WITH c, namedPartners, themes, places, counties, families,
  COLLECT { MATCH (c)-[:HAS_THEME]->(t:Theme) RETURN t
            UNION MATCH (c)-[r:PARTICIPATES_IN]->(:Initiative)-[:HAS_THEME]->(t:Theme) WHERE ${confirmed('r')} RETURN t } AS candidateThemes,
  COLLECT { MATCH (c)-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m
            UNION MATCH (c)-[r:PARTICIPATES_IN]->(:Initiative)-[:IN_MUNICIPALITY]->(m:Municipality) WHERE ${confirmed('r')} RETURN m } AS candidatePlaces,
  COLLECT { MATCH (c)-[r1:PARTICIPATES_IN]->(:Initiative)<-[r2:PARTICIPATES_IN]-(p:Actor)
            WHERE ${confirmed('r1')} AND ${confirmed('r2')} AND p <> c RETURN DISTINCT p } AS candidatePartners,
  COLLECT { MATCH (c)-[r:PARTICIPATES_IN]->(:Initiative)-[:PART_OF*0..]->(root:Initiative)
            WHERE ${confirmed('r')} AND NOT (root)-[:PART_OF]->(:Initiative) RETURN DISTINCT root } AS candidateFamilies
RETURN ${actorProjection('c')} AS actor, {
  sharedThemes: [t IN themes WHERE t IN candidateThemes | t.label],
  sharedMunicipalities: [m IN places WHERE m IN candidatePlaces | m.name],
  sharedCounties: [county IN counties WHERE any(m IN candidatePlaces WHERE EXISTS { MATCH (m)-[:IN_COUNTY]->(county) }) | county.name],
  commonPartners: [p IN namedPartners WHERE p IN candidatePartners | p.name],
  families: [f IN families WHERE f IN candidateFamilies | f.name]
} AS evidence`,
    parameters: { id: subjectId, viewer },
  };
}
