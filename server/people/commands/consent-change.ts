import type { PersonState } from '../../repositories/people.ts';
import { change, diffFields, type ChangeDraft } from '../../writes/changes.ts';

/**
 * The change a consent makes to a person: whether they may be shown publicly. Who gave it and for what
 * stays on the Consent itself, which only those who manage consents see.
 */
export function consentChange(person: PersonState, consentGiven: boolean): ChangeDraft {
  return change({
    targetId: person.id,
    targetKind: 'Person',
    // A role model is public only with a consent; anyone else is public either way.
    public: consentGiven || !person.roleModel,
    fields: diffFields('Person', ['consentGiven'], person, { consentGiven }),
    sourceId: null,
  });
}
