import type { Viewer } from './viewer.ts';

/**
 * What a viewer may see, as Cypher predicates over a bound variable. The predicates are fixed text;
 * the viewer enters only as the $viewer parameter. Variable names come from the calling store's code.
 */
export type ViewerParameter = ReturnType<typeof viewerParameter>;

export function viewerParameter(viewer: Viewer) {
  return {
    all: viewer.role === 'ADMIN',
    organizationId: viewer.organizationId,
    scope: viewer.role === 'STRATEGIST' ? viewer.municipalities : [],
    /** People are shown under pseudonyms, so they must not be found by their names either. */
    pseudonymous: viewer.role === 'RESEARCHER',
  };
}

/**
 * Verified organisations for everyone; pending and rejected ones for their own account, strategists in
 * scope and admins. Role models only with a recorded consent, except for admins and strategists in scope.
 */
export function actorVisible(actor: string): string {
  return `(
    (${actor}:Organization AND (${actor}.status = 'VERIFIED' OR $viewer.all OR ${actor}.id = $viewer.organizationId
      OR EXISTS { MATCH (${actor})-[:IN_MUNICIPALITY]->(scoped:Municipality) WHERE scoped.code IN $viewer.scope }))
    OR (${actor}:Person AND (NOT ${actor}:RoleModel OR ${actor}.consentGiven = true OR $viewer.all
      OR EXISTS { MATCH (${actor})-[:IN_MUNICIPALITY]->(scoped:Municipality) WHERE scoped.code IN $viewer.scope }))
  )`;
}

/**
 * Confirmed participations for everyone; claims also for the claimant, the initiative's lead
 * organisation, strategists of its kommun, and admins.
 */
export function participationVisible(relationship: string, actor: string, initiative: string): string {
  return `(
    ${relationship}.status = 'CONFIRMED' OR $viewer.all OR ${actor}.id = $viewer.organizationId
    OR EXISTS { MATCH (${initiative})-[:IN_MUNICIPALITY]->(scoped:Municipality) WHERE scoped.code IN $viewer.scope }
    OR EXISTS { MATCH (${initiative})<-[:PARTICIPATES_IN {role: 'LEAD', status: 'CONFIRMED'}]-(lead:Organization)
                WHERE lead.id = $viewer.organizationId }
  )`;
}

/** Full text may find people by name only where names are shown. */
export function findableByText(actor: string): string {
  return `NOT ($viewer.pseudonymous AND ${actor}:Person)`;
}
