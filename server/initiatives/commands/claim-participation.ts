import { z } from 'zod';
import { roleTaken, writeParticipations, type ParticipationShape } from '../../repositories/participations.ts';
import { conflict, forbidden } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { idInput, partialDate } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { command } from '../../writes/command.ts';
import { initiativeToEdit } from '../../writes/initiative-facts.ts';
import { endsBeforeStart, participationRole } from '../../writes/inputs.ts';
import { participationRecord } from '../../writes/read-back.ts';
import { selfCitation } from '../../writes/source.ts';
import { participationChange } from './participation-change.ts';
import { inBoth } from '../../shared/zod-language.ts';

const claimParticipationArguments = z.object({
  input: z
    .object({
      initiativeId: idInput,
      role: participationRole,
      since: partialDate.nullish(),
      until: partialDate.nullish(),
    })
    .refine((input) => !endsBeforeStart(input.since, input.until), { path: ['until'], ...inBoth('must not be before since', 'får inte ligga före since') }),
});

/**
 * An association says that its own organisation takes part in an initiative. The claim stays CLAIMED
 * until the initiative's lead, a strategist of its kommun or an admin confirms it, and cites the
 * organisation itself, whose word it is.
 */
export const claimParticipation = command({
  name: 'claimParticipation',
  action: 'claimParticipation',
  arguments: claimParticipationArguments,
  async facts(tx, { input }, viewer) {
    await initiativeToEdit(tx, input.initiativeId, 'input.initiativeId');
    return { acting: await actingOrganization(tx, viewer) };
  },
  // Always the caller's own organisation: the input names no actor.
  resource: (_facts, _args, viewer) => ({ organizationId: viewer.organizationId }),
  async apply(tx, { input }, { acting }, viewer) {
    // The account outlived its organisation (a merge, an erasure): there is no one to claim for.
    if (!acting) throw forbidden('Your account’s organisation is no longer registered', 'Ditt kontos organisation är inte längre registrerad');
    const own = acting;
    if (await roleTaken(tx, own.id, input.initiativeId, input.role)) {
      throw conflict('input.role', 'your organisation already takes part in this initiative in this role', 'din organisation deltar redan i initiativet i den här rollen');
    }
    const source = selfCitation(tx, own.name, viewer);
    const sourceId = source.id;
    const claim: ParticipationShape = {
      id: newId(),
      actor: own.id,
      initiative: input.initiativeId,
      role: input.role,
      since: input.since ?? null,
      until: input.until ?? null,
      status: 'CLAIMED',
      claimedBy: own.id,
      sources: [sourceId],
    };
    return {
      sent: [source.sent, writeParticipations(tx, [claim], { mode: 'create', author: authorOf(viewer) })],
      result: participationRecord(tx, claim.id),
      changes: [participationChange(null, claim, { public: false, sourceId })],
    };
  },
});
