import type { InitiativeStatus, ParticipationStatus } from '../../auth/visibility.ts';
import type { ParticipationShape } from '../../repositories/participations.ts';
import { change, diffFields, type ChangeDraft } from '../../writes/changes.ts';

/** The fields of a participation its change records compare. */
export const participationFields = ['actor', 'initiative', 'role', 'since', 'until', 'status'] as const;

/** Whether a participation is public: confirmed, in a verified initiative. */
export function isPublic(status: ParticipationStatus, initiativeStatus: InitiativeStatus): boolean {
  return status === 'CONFIRMED' && initiativeStatus === 'VERIFIED';
}

/**
 * The change record of a participation going from `before` (null for a new one) to `after`: it concerns
 * the actor and the initiative, and follows the participation's own visibility unless `public`.
 */
export function participationChange(
  before: ParticipationShape | null,
  after: ParticipationShape,
  recorded: { public: boolean; sourceId: string | null; reason?: string | null },
): ChangeDraft {
  return change({
    targetId: after.id,
    targetKind: 'Participation',
    subjectIds: [after.actor, after.initiative],
    participationId: after.id,
    public: recorded.public,
    fields: diffFields('Participation', participationFields, before, after),
    sourceId: recorded.sourceId,
    reason: recorded.reason ?? null,
  });
}
