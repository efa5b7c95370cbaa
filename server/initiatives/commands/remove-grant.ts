import { z } from 'zod';
import { removeGrant as markRemoved } from '../../repositories/grants.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { grantResource, grantToEdit } from '../../writes/grant-facts.ts';
import { reason } from '../../writes/inputs.ts';
import { grantFields } from './add-grant.ts';

/**
 * Takes a grant out of every read, with the reason: those who may add a grant to its initiative. It is
 * kept, marked removed, for its history, which says what it was.
 */
export const removeGrant = command({
  name: 'removeGrant',
  action: 'removeGrant',
  arguments: z.object({ id: idInput, reason }),
  facts: (tx, { id }, viewer) => grantToEdit(tx, id, 'id', viewer),
  resource: grantResource,
  async apply(tx, { id, reason: why }, { grant, initiative }, viewer) {
    await markRemoved(tx, id, why, authorOf(viewer));
    return {
      result: true,
      changes: [
        change({
          targetId: id,
          targetKind: 'Grant',
          subjectIds: [grant.initiative, grant.funder],
          public: initiative.status === 'VERIFIED',
          fields: diffFields('Grant', grantFields, grant, null),
          sourceId: null,
          reason: why,
        }),
      ],
    };
  },
});
