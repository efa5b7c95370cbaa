import { z } from 'zod';
import { readClaimsForReview, reviewClaims } from '../../repositories/participations.ts';
import { notFound } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { command } from '../../writes/command.ts';
import { initiativeToEdit } from '../../writes/initiative-facts.ts';
import { participationRecord } from '../../writes/read-back.ts';
import { isPublic, participationChange } from './participation-change.ts';

/**
 * Confirms or rejects every open claim of an actor on an initiative. The organisation a claim is about
 * confirms a claim someone else made; the initiative's lead confirms the claims others made; a
 * strategist in scope or an admin confirms any. No one confirms a claim it made itself.
 */
export const reviewParticipation = command({
  name: 'reviewParticipation',
  action: 'reviewParticipation',
  arguments: z.object({ actorId: idInput, initiativeId: idInput, confirm: z.boolean() }),
  async facts(tx, { actorId, initiativeId }) {
    const initiative = await initiativeToEdit(tx, initiativeId, 'initiativeId');
    const claims = await readClaimsForReview(tx, actorId, initiativeId);
    if (claims.length === 0) throw notFound('actorId', 'has no open claim on this initiative', 'har inget öppet anspråk på det här initiativet');
    return { initiative, claims };
  },
  resource: ({ initiative, claims }, { actorId }, viewer) => {
    const claimants = claims.map((claim) => claim.claimedBy);
    return {
      organizationId: actorId,
      municipalities: initiative.municipalities,
      leadOrganizationIds: initiative.leadOrganizationIds.filter((lead) => !claimants.includes(lead)),
      // Of several claimants, the caller's own organisation, if it is one, so that it is refused its own claim.
      claimedBy: claimants.find((claimant) => claimant === viewer.organizationId) ?? claimants[0] ?? null,
    };
  },
  async apply(tx, { confirm }, { initiative, claims }, viewer) {
    const status = confirm ? ('CONFIRMED' as const) : ('REJECTED' as const);
    await reviewClaims(tx, claims.map((claim) => claim.id), status, authorOf(viewer));
    return {
      // The first claim by role stands for them all, as the mutation answers one participation.
      result: await participationRecord(tx, claims[0]!.id),
      changes: claims.map((claim) =>
        participationChange(claim, { ...claim, status }, { public: isPublic(status, initiative.status), sourceId: null }),
      ),
    };
  },
});
