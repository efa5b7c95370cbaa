import { z } from 'zod';
import { roleTaken, writeParticipations, type ParticipationShape } from '../../repositories/participations.ts';
import { badUserInput } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { idInput, partialDate } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { actorToLink, requireVisible } from '../../writes/actor-facts.ts';
import { command } from '../../writes/command.ts';
import { initiativeToEdit } from '../../writes/initiative-facts.ts';
import { endsBeforeStart, participationRole } from '../../writes/inputs.ts';
import { participationRecord } from '../../writes/read-back.ts';
import { citeSource, sourceInput } from '../../writes/source.ts';
import { isPublic, participationChange } from './participation-change.ts';
import { standingOf } from './participation-standing.ts';
import { inBoth } from '../../shared/zod-language.ts';

const addParticipationArguments = z.object({
  input: z
    .object({
      actorId: idInput,
      initiativeId: idInput,
      role: participationRole,
      since: partialDate.nullish(),
      until: partialDate.nullish(),
      source: sourceInput,
    })
    .refine((input) => !endsBeforeStart(input.since, input.until), { path: ['until'], ...inBoth('must not be before since', 'får inte ligga före since') }),
});

/**
 * Records that an actor takes part in an initiative in a role, citing a source. A strategist in scope or
 * an admin confirms it at once; a verified association adds itself, or others to an initiative it leads,
 * as its claim (standingOf). The initiative is locked, so that two additions cannot give an actor one
 * role twice.
 */
export const addParticipation = command({
  name: 'addParticipation',
  action: 'addParticipation',
  arguments: addParticipationArguments,
  async facts(tx, { input }, viewer) {
    // Sent together, in this order: whether the role is taken is read once the initiative is locked.
    const [actor, initiative, acting, taken] = await Promise.all([
      actorToLink(tx, input.actorId, 'input.actorId', viewer),
      initiativeToEdit(tx, input.initiativeId, 'input.initiativeId'),
      actingOrganization(tx, viewer),
      roleTaken(tx, input.actorId, input.initiativeId, input.role),
    ]);
    return { initiative, actor, acting, taken };
  },
  resource: ({ initiative, acting }, { input }) => ({
    organizationId: input.actorId,
    municipalities: initiative.municipalities,
    leadOrganizationIds: initiative.leadOrganizationIds,
    actingOrganizationVerified: acting?.verified ?? false,
  }),
  async apply(tx, { input }, { initiative, actor, taken }, viewer) {
    requireVisible(actor);
    if (taken) throw badUserInput('input.role', 'the actor already takes part in this initiative in this role', 'aktören deltar redan i initiativet i den här rollen');
    const source = citeSource(tx, input.source, viewer);
    const sourceId = source.id;
    const participation: ParticipationShape = {
      id: newId(),
      actor: input.actorId,
      initiative: input.initiativeId,
      role: input.role,
      since: input.since ?? null,
      until: input.until ?? null,
      ...standingOf(viewer, input.actorId, initiative.leadOrganizationIds),
      sources: [sourceId],
    };
    const written = writeParticipations(tx, [participation], { mode: 'create', author: authorOf(viewer) });
    return {
      sent: [source.sent, written],
      result: participationRecord(tx, participation.id),
      changes: [participationChange(null, participation, { public: isPublic(participation.status, initiative.status), sourceId })],
    };
  },
});
