import { actorVisible, initiativeVisible, participationVisible } from '../auth/visibility.ts';

/**
 * A change is visible to those who see everything it is about now: every actor and initiative it
 * concerns, and for a participation the participation itself, unless that was public when the change
 * was made (a removal keeps a public participation's history public). Admins see every change,
 * including those about what has since been erased.
 */
export function changeVisible(c: string): string {
  return `($viewer.all OR (
    all(subjectId IN ${c}.subjectIds WHERE
      EXISTS { MATCH (subject:Actor {id: subjectId}) WHERE ${actorVisible('subject')} }
      OR EXISTS { MATCH (subject:Initiative {id: subjectId}) WHERE ${initiativeVisible('subject')} })
    AND (${c}.participationId IS NULL OR ${c}.public
      OR EXISTS { MATCH (pa:Actor)-[pr:PARTICIPATES_IN {id: ${c}.participationId}]->(pi:Initiative) WHERE ${participationVisible('pr', 'pa', 'pi')} })
  ))`;
}

/** The map every history statement returns for a change, with what the contact decision needs about its target. */
export const changeProjection = (c: string) => `${c} {
  .id, at: toString(${c}.at), .action, .targetId, .targetKind, .byRole, .byOrganizationId, .fields, .sourceId, .reason,
  contactOrganizationId: COLLECT {
    MATCH (target:Actor {id: ${c}.targetId})
    RETURN CASE WHEN target:Person THEN COLLECT { MATCH (target)-[:AFFILIATED_WITH]->(o:Organization) RETURN o.id }[0] ELSE target.id END
  }[0],
  targetMunicipalities: COLLECT {
    MATCH (:Actor {id: ${c}.targetId})-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code
    UNION
    MATCH (:Initiative {id: ${c}.targetId})-[:IN_MUNICIPALITY]->(m:Municipality) RETURN m.code
  }
}`;
