import type { Resource } from '../auth/policy.ts';
import { actorVisible, participationVisible, viewerParameter } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import type { InitiativeState } from '../repositories/initiatives.ts';
import { readParticipationForUpdate, type ParticipationState } from '../repositories/participations.ts';
import { notFound } from '../shared/errors.ts';
import { actingOrganization, type ActingOrganization } from './acting-organization.ts';
import { initiativeToEdit } from './initiative-facts.ts';

/** What an edit of a participation reads: the participation, its initiative, and the organisation the caller speaks for. */
export interface ParticipationFacts {
  participation: ParticipationState;
  initiative: InitiativeState;
  acting: ActingOrganization | null;
  /** Whether the caller sees the participation, its actor included. */
  visible: boolean;
}

/**
 * The participation an edit names and its initiative, both locked for the edit; NOT_FOUND at `field`
 * when there is none, or when it was removed: a removed participation is kept for the history only.
 */
export async function participationToEdit(tx: Transaction, id: string, field: string, viewer: Viewer): Promise<ParticipationFacts> {
  const participation = await readParticipationForUpdate(tx, id);
  if (!participation || participation.status === 'REMOVED') throw notFound(field, 'names no participation', 'anger inget deltagande');
  const seen = await tx.run<{ visible: boolean }>({
    text: `MATCH (a:Actor)-[r:PARTICIPATES_IN {id: $id}]->(i:Initiative) RETURN ${actorVisible('a')} AND ${participationVisible('r', 'a', 'i')} AS visible`,
    parameters: { id, viewer: viewerParameter(viewer) },
  });
  return {
    participation,
    initiative: await initiativeToEdit(tx, participation.initiative, field),
    acting: await actingOrganization(tx, viewer),
    visible: seen.records[0]!.get('visible'),
  };
}

/**
 * Once the policy has allowed the edit: a participation the caller does not see (a role model's without
 * consent, in an initiative an association leads) is none it can edit, NOT_FOUND at `field`. An edit's
 * answer shows the participation's actor, which could not be given to the caller.
 */
export function requireVisibleParticipation({ visible }: ParticipationFacts, field: string): void {
  if (!visible) throw notFound(field, 'names no participation', 'anger inget deltagande');
}

/** An edited participation as the policy sees it: its actor, and its initiative's kommuner and leads. */
export function participationResource({ participation, initiative, acting }: ParticipationFacts): Resource {
  return {
    organizationId: participation.actor,
    municipalities: initiative.municipalities,
    leadOrganizationIds: initiative.leadOrganizationIds,
    actingOrganizationVerified: acting?.verified ?? false,
  };
}
