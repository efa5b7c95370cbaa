import { z } from 'zod';
import { description, email, phone } from '../../accounts/inputs.ts';
import { writePeople, type PersonShape } from '../../repositories/people.ts';
import { newId } from '../../shared/ids.ts';
import { idInput, printable } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { municipalities, name, themes } from '../../writes/inputs.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';
import { organizationToEdit } from './organization-facts.ts';
import { personFields } from './person-fields.ts';

const createPersonArguments = z.object({
  input: z.object({
    name,
    description: description.nullish(),
    title: printable(200).nullish(),
    roleModel: z.boolean().nullish(),
    themes: themes.nullish(),
    municipalities: municipalities.nullish(),
    affiliation: idInput.nullish(),
    email: email.nullish(),
    phone: phone.nullish(),
    source: sourceInput,
  }),
});

/**
 * A person: a strategist where they or their organisation act, an admin, or a verified association for
 * its own organisation. A role model stays hidden from the public until a consent is recorded.
 */
export const createPerson = command({
  name: 'createPerson',
  action: 'createPerson',
  arguments: createPersonArguments,
  async facts(tx, { input }, viewer) {
    // Locked, so that the organisation is not merged away while the person is affiliated with it.
    const affiliation = input.affiliation ? await organizationToEdit(tx, input.affiliation, 'input.affiliation') : null;
    return { affiliation, acting: await actingOrganization(tx, viewer) };
  },
  resource: ({ affiliation, acting }, { input }) => ({
    organizationId: affiliation?.id ?? null,
    municipalities: [...(input.municipalities ?? []), ...(affiliation?.municipalities ?? [])],
    actingOrganizationVerified: acting?.verified ?? false,
  }),
  async apply(tx, { input }, _facts, viewer) {
    const sourceId = await citedSource(tx, input.source, viewer);
    const person: PersonShape = {
      id: newId(),
      name: input.name,
      title: input.title ?? null,
      description: input.description ?? null,
      roleModel: input.roleModel ?? false,
      email: input.email ?? null,
      phone: input.phone ?? null,
      organization: input.affiliation ?? null,
      themes: input.themes ?? [],
      municipalities: input.municipalities ?? [],
      sources: [sourceId],
    };
    await writePeople(tx, [person], { mode: 'create', author: authorOf(viewer) });
    const recorded = { ...person, kind: person.roleModel ? 'ROLE_MODEL' : 'PERSON' };
    return {
      result: await actorRecord(tx, person.id),
      changes: [
        change({
          targetId: person.id,
          targetKind: 'Person',
          public: !person.roleModel,
          fields: diffFields('Person', personFields, null, recorded),
          sourceId,
        }),
      ],
    };
  },
});
