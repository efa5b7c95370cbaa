import { z } from 'zod';
import { removeParticipation as markRemoved } from '../../repositories/participations.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { command } from '../../writes/command.ts';
import { reason } from '../../writes/inputs.ts';
import { participationResource, participationToEdit, requireVisibleParticipation } from '../../writes/participation-facts.ts';
import { isPublic, participationChange } from './participation-change.ts';

/**
 * Takes a participation out of every read, with the reason. It is kept as REMOVED for its history, whose
 * change records stay as public as the participation was.
 */
export const removeParticipation = command({
  name: 'removeParticipation',
  action: 'removeParticipation',
  arguments: z.object({ id: idInput, reason }),
  facts: (tx, { id }, viewer) => participationToEdit(tx, id, 'id', viewer),
  resource: participationResource,
  async apply(tx, { id, reason: why }, facts, viewer) {
    requireVisibleParticipation(facts, 'id');
    const { participation, initiative } = facts;
    await markRemoved(tx, id, why, authorOf(viewer));
    return {
      result: true,
      changes: [
        participationChange(participation, { ...participation, status: 'REMOVED' }, {
          public: isPublic(participation.status, initiative.status),
          sourceId: null,
          reason: why,
        }),
      ],
    };
  },
});
