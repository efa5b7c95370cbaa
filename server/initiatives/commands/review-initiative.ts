import { z } from 'zod';
import { updateInitiative as patchInitiative } from '../../repositories/initiatives.ts';
import { conflict } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { reviewReason } from '../../accounts/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { initiativeToEdit } from '../../writes/initiative-facts.ts';
import { initiativeRecord } from '../../writes/read-back.ts';

/** A strategist of one of its kommuner, or an admin, approves (VERIFIED, public) or rejects an initiative that awaits review. */
export const reviewInitiative = command({
  name: 'reviewInitiative',
  action: 'reviewInitiative',
  arguments: z.object({ id: idInput, approve: z.boolean(), reason: reviewReason }),
  facts: async (tx, { id }) => ({ initiative: await initiativeToEdit(tx, id, 'id') }),
  resource: ({ initiative }) => ({ municipalities: initiative.municipalities }),
  async apply(tx, { id, approve, reason }, { initiative }, viewer) {
    if (initiative.status !== 'PENDING') throw conflict('id', 'this initiative is not awaiting review', 'initiativet väntar inte på granskning');
    const status = approve ? ('VERIFIED' as const) : ('REJECTED' as const);
    await patchInitiative(tx, id, { status, reviewReason: reason ?? null }, [], authorOf(viewer));
    return {
      result: await initiativeRecord(tx, id),
      changes: [
        change({
          targetId: id,
          targetKind: 'Initiative',
          public: approve,
          fields: diffFields('Initiative', ['status'], initiative, { status }),
          sourceId: null,
          reason: reason ?? null,
        }),
      ],
    };
  },
});
