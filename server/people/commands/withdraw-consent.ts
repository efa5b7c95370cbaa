import { z } from 'zod';
import { withdrawConsents } from '../../repositories/people.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { command } from '../../writes/command.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { consentChange } from './consent-change.ts';
import { personToEdit } from './person-facts.ts';

/** Withdraws every consent of a person: from then on the public no longer sees a role model. */
export const withdrawConsent = command({
  name: 'withdrawConsent',
  action: 'manageConsent',
  arguments: z.object({ personId: idInput }),
  facts: async (tx, { personId }) => ({ person: await personToEdit(tx, personId, 'personId') }),
  resource: ({ person }) => ({ municipalities: person.municipalities }),
  async apply(tx, { personId }, { person }, viewer) {
    await withdrawConsents(tx, personId, authorOf(viewer));
    return { result: await actorRecord(tx, personId), changes: [consentChange(person, false)] };
  },
});
