import type { Viewer } from './viewer.ts';

/**
 * What a viewer may see, as Cypher predicates over a bound variable. The predicates are fixed text;
 * the viewer enters only as the $viewer parameter. Variable names come from the calling store's code.
 */
export function viewerParameter(viewer: Viewer) {
  return {
    all: viewer.role === 'ADMIN',
    organizationId: viewer.organizationId,
    scope: viewer.role === 'STRATEGIST' ? viewer.municipalities : [],
  };
}

/** Verified organisations for everyone; pending ones for their own account, strategists in scope, admins. */
export function actorVisible(actor: string): string {
  return `(
    (${actor}:Organization AND (${actor}.status = 'VERIFIED' OR $viewer.all OR ${actor}.id = $viewer.organizationId
      OR EXISTS { MATCH (${actor})-[:IN_MUNICIPALITY]->(scoped:Municipality) WHERE scoped.code IN $viewer.scope }))
    OR (${actor}:Person AND (NOT ${actor}:RoleModel OR ${actor}.consentGiven = true OR $viewer.all))
  )`;
}

/** Confirmed participations for everyone; claims for the claimant, strategists of the kommun, admins. */
export function participationVisible(relationship: string, actor: string, initiative: string): string {
  return `(
    ${relationship}.status = 'CONFIRMED' OR $viewer.all OR ${actor}.id = $viewer.organizationId
    OR EXISTS { MATCH (${initiative})-[:IN_MUNICIPALITY]->(scoped:Municipality) WHERE scoped.code IN $viewer.scope }
  )`;
}
