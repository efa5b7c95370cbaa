import { z } from 'zod';
import { recordConsent as writeConsent } from '../../repositories/people.ts';
import { newId } from '../../shared/ids.ts';
import { dateTime, idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { command } from '../../writes/command.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { consentChange } from './consent-change.ts';
import { personToEdit } from './person-facts.ts';
import { inBoth } from '../../shared/zod-language.ts';

const recordConsentArguments = z.object({
  personId: idInput,
  input: z.object({
    purpose: z.string().trim().min(3, inBoth('must say what the consent is for', 'måste säga vad samtycket gäller')).max(500),
    givenBy: z.string().trim().min(2, inBoth('must say who gave it', 'måste säga vem som gav det')).max(200),
    givenAt: dateTime.nullish(),
  }),
});

/** Records a role model's consent (when, for what purpose, from whom): an admin, or a strategist where the person acts. The person becomes public. */
export const recordConsent = command({
  name: 'recordConsent',
  action: 'manageConsent',
  arguments: recordConsentArguments,
  facts: async (tx, { personId }) => ({ person: await personToEdit(tx, personId, 'personId') }),
  resource: ({ person }) => ({ municipalities: person.municipalities }),
  async apply(tx, { personId, input }, { person }, viewer) {
    const consent = { id: newId(), purpose: input.purpose, givenBy: input.givenBy, givenAt: input.givenAt ?? null };
    await writeConsent(tx, personId, consent, authorOf(viewer));
    return { result: await actorRecord(tx, personId), changes: [consentChange(person, true)] };
  },
});
