import { z } from 'zod';
import { deletePerson, readPersonForUpdate } from '../../repositories/people.ts';
import { notFound } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { change } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { personalTraces } from '../personal-traces.ts';
import { blankChangesAbout, redactTraces } from '../redaction.ts';

/**
 * GDPR art. 17, for admins. In one transaction: the values of every change about the person are emptied,
 * every copy of their name, e-mail and phone in any other text (other changes included) is replaced,
 * their consents are deleted, and the person with all their relationships goes. What stays is the
 * erasure's own change and audit entry, which hold the opaque id and no value, and an Erasure record.
 */
export const erasePerson = command({
  name: 'erasePerson',
  action: 'erasePerson',
  arguments: z.object({ id: idInput }),
  // The policy needs nothing of the person: a caller who may not erase learns nothing of whether the id names someone.
  facts: async (tx, { id }) => ({ person: await readPersonForUpdate(tx, id) }),
  resource: () => ({}),
  async apply(tx, { id }, { person }) {
    if (!person) throw notFound('id', 'names no person', 'anger ingen person');
    await blankChangesAbout(tx, id);
    await redactTraces(tx, id, personalTraces(person));
    await deletePerson(tx, id);
    return { result: true, changes: [change({ targetId: id, targetKind: 'Person', public: false, fields: [], sourceId: null })] };
  },
});
