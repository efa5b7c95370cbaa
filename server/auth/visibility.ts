import type { Viewer } from './viewer.ts';

/**
 * Who sees a thing in each of its statuses. `everyone`: the public and every role. `involved`: those
 * the thing concerns (its own organisation, an initiative's lead, the claimant), strategists of its
 * kommuner and admins. `nobody`: kept for the history only (a removed participation).
 *
 * This table is the one source of the Cypher predicates below and of what the network index counts
 * (statusParameter), so that a new status is decided here once.
 */
export const statusAudience = {
  organization: { VERIFIED: 'everyone', PENDING: 'involved', REJECTED: 'involved' },
  initiative: { VERIFIED: 'everyone', PENDING: 'involved', REJECTED: 'involved' },
  participation: { CONFIRMED: 'everyone', CLAIMED: 'involved', REJECTED: 'involved', REMOVED: 'nobody' },
} as const;

type Audience = 'everyone' | 'involved' | 'nobody';
type StatusKind = keyof typeof statusAudience;
export type StatusOf<K extends StatusKind> = keyof (typeof statusAudience)[K] & string;
export type OrganizationStatus = StatusOf<'organization'>;
export type InitiativeStatus = StatusOf<'initiative'>;
export type ParticipationStatus = StatusOf<'participation'>;

function statusesFor(kind: StatusKind, audiences: Audience[]): string[] {
  return Object.entries(statusAudience[kind])
    .filter(([, audience]) => audiences.includes(audience))
    .map(([status]) => status);
}

/** The statuses each audience sees, as the `$status` parameter of every statement that tests one. */
export const statusParameter = {
  organization: { everyone: statusesFor('organization', ['everyone']), involved: statusesFor('organization', ['everyone', 'involved']) },
  initiative: { everyone: statusesFor('initiative', ['everyone']), involved: statusesFor('initiative', ['everyone', 'involved']) },
  participation: { everyone: statusesFor('participation', ['everyone']), involved: statusesFor('participation', ['everyone', 'involved']) },
};

/**
 * What a viewer may see, as Cypher predicates over a bound variable. The predicates are fixed text;
 * the viewer and the status table enter only as the $viewer parameter. Variable names come from the
 * calling store's code.
 */
export type ViewerParameter = ReturnType<typeof viewerParameter>;

export function viewerParameter(viewer: Viewer) {
  return {
    all: viewer.role === 'ADMIN',
    organizationId: viewer.organizationId,
    scope: viewer.role === 'STRATEGIST' ? viewer.municipalities : [],
    /** People are shown under pseudonyms, so they must not be found by their names either. */
    pseudonymous: viewer.role === 'RESEARCHER',
    status: statusParameter,
  };
}

const inScope = (node: string) => `EXISTS { MATCH (${node})-[:IN_MUNICIPALITY]->(scoped:Municipality) WHERE scoped.code IN $viewer.scope }`;

/**
 * Organisations by status (the table above; "involved" is the organisation's own account); role
 * models only with a recorded consent, except for admins and strategists in scope.
 */
export function actorVisible(actor: string): string {
  return `(
    (${actor}:Organization AND (${actor}.status IN $viewer.status.organization.everyone
      OR (${actor}.status IN $viewer.status.organization.involved
          AND ($viewer.all OR ${actor}.id = $viewer.organizationId OR ${inScope(actor)}))))
    OR (${actor}:Person AND (NOT ${actor}:RoleModel OR ${actor}.consentGiven = true OR $viewer.all OR ${inScope(actor)}))
  )`;
}

/** Initiatives by status; "involved" is an organisation that leads it. */
export function initiativeVisible(initiative: string): string {
  return `(
    ${initiative}.status IN $viewer.status.initiative.everyone
    OR (${initiative}.status IN $viewer.status.initiative.involved AND ($viewer.all OR ${inScope(initiative)}
      OR EXISTS { MATCH (${initiative})<-[:PARTICIPATES_IN {role: 'LEAD'}]-(lead:Organization) WHERE lead.id = $viewer.organizationId }))
  )`;
}

/**
 * Participations by status; "involved" is the actor itself, the initiative's confirmed lead
 * organisation, strategists of the initiative's kommun and admins.
 */
export function participationVisible(relationship: string, actor: string, initiative: string): string {
  return `(
    ${relationship}.status IN $viewer.status.participation.everyone
    OR (${relationship}.status IN $viewer.status.participation.involved AND ($viewer.all OR ${actor}.id = $viewer.organizationId
      OR ${inScope(initiative)}
      OR EXISTS { MATCH (${initiative})<-[:PARTICIPATES_IN {role: 'LEAD', status: 'CONFIRMED'}]-(lead:Organization)
                  WHERE lead.id = $viewer.organizationId }))
  )`;
}

/** A grant is seen with its funder, unless it was removed: then only its history tells of it. */
export function grantVisible(grant: string, funder: string): string {
  return `(${grant}.removedAt IS NULL AND ${actorVisible(funder)})`;
}

/**
 * A participation that counts for everyone: public itself, in a public initiative. What the network
 * is, for profiles, paths and the network index, whoever asks.
 */
export function participationPublic(relationship: string, initiative: string, parameter = '$viewer.status'): string {
  return `(${relationship}.status IN ${parameter}.participation.everyone AND ${initiative}.status IN ${parameter}.initiative.everyone)`;
}

/** Full text may find people by name only where names are shown. */
export function findableByText(actor: string): string {
  return `NOT ($viewer.pseudonymous AND ${actor}:Person)`;
}
