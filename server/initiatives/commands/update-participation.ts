import { z } from 'zod';
import { roleTaken, updateParticipation as patchParticipation, type ParticipationPatch } from '../../repositories/participations.ts';
import { badUserInput } from '../../shared/errors.ts';
import { idInput, partialDate } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { command } from '../../writes/command.ts';
import { endsBeforeStart, participationRole } from '../../writes/inputs.ts';
import { participationResource, participationToEdit, requireVisibleParticipation } from '../../writes/participation-facts.ts';
import { participationRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';
import { isPublic, participationChange } from './participation-change.ts';
import { standingOf } from './participation-standing.ts';

// Fields left out stay as they are; null clears a date. The role cannot be cleared.
const updateParticipationArguments = z.object({
  id: idInput,
  input: z.object({
    role: participationRole.optional(),
    since: partialDate.nullish(),
    until: partialDate.nullish(),
    source: sourceInput,
  }),
});

/**
 * Changes a participation's role or period, citing a source. What an association changes that it could
 * not have added as CONFIRMED becomes its claim again, so that no one makes itself a confirmed lead, or
 * changes another organisation's part, without review.
 */
export const updateParticipation = command({
  name: 'updateParticipation',
  action: 'updateParticipation',
  arguments: updateParticipationArguments,
  facts: (tx, { id }, viewer) => participationToEdit(tx, id, 'id', viewer),
  resource: participationResource,
  async apply(tx, { id, input }, facts, viewer) {
    requireVisibleParticipation(facts, 'id');
    const { participation, initiative } = facts;
    const { source, ...fields } = input;
    const patch: ParticipationPatch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const standing = standingOf(viewer, participation.actor, initiative.leadOrganizationIds);
    if (standing.status === 'CLAIMED') Object.assign(patch, standing);
    const after = { ...participation, ...patch };
    if (endsBeforeStart(after.since, after.until)) {
      throw badUserInput('since' in patch && !('until' in patch) ? 'input.since' : 'input.until', 'the participation must not end before it starts', 'deltagandet får inte sluta innan det börjar');
    }
    if (await roleTaken(tx, after.actor, after.initiative, after.role, id)) {
      throw badUserInput('input.role', 'the actor already takes part in this initiative in this role', 'aktören deltar redan i initiativet i den här rollen');
    }
    const sourceId = await citedSource(tx, source, viewer);
    await patchParticipation(tx, id, patch, [sourceId], authorOf(viewer));
    return {
      result: await participationRecord(tx, id),
      changes: [participationChange(participation, after, { public: isPublic(after.status, initiative.status), sourceId })],
    };
  },
});
