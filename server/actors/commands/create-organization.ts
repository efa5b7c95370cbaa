import { z } from 'zod';
import { description, email, organizationName, organizationNumber, phone } from '../../accounts/inputs.ts';
import { writesTrusted } from '../../auth/policy.ts';
import { writeOrganizations, type OrganizationShape } from '../../repositories/organizations.ts';
import { newId } from '../../shared/ids.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { municipalities, themes } from '../../writes/inputs.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';
import { organizationToEdit } from './organization-facts.ts';
import { organizationFields } from './organization-fields.ts';
import { inBoth } from '../../shared/zod-language.ts';

const createOrganizationArguments = z.object({
  input: z.object({
    kind: z.enum(['ASSOCIATION', 'AUTHORITY', 'MUNICIPAL_UNIT', 'BUSINESS'], { ...inBoth('must be ASSOCIATION, AUTHORITY, MUNICIPAL_UNIT or BUSINESS', 'måste vara ASSOCIATION, AUTHORITY, MUNICIPAL_UNIT eller BUSINESS') }),
    name: organizationName,
    organizationNumber: organizationNumber.nullish(),
    description: description.nullish(),
    themes,
    municipalities: municipalities.min(1, inBoth('must name at least one kommun', 'måste ange minst en kommun')),
    parent: idInput.nullish(),
    email: email.nullish(),
    phone: phone.nullish(),
    source: sourceInput,
  }),
});

/**
 * An organisation of any kind: a strategist in its kommuner or an admin enters it VERIFIED; a verified
 * association enters a partner it works with, PENDING until reviewed. `parent` makes it a unit of another
 * (a kommun's youth centre).
 */
export const createOrganization = command({
  name: 'createOrganization',
  action: 'createOrganization',
  arguments: createOrganizationArguments,
  uniqueFields: { organizationNumber: 'input.organizationNumber' },
  async facts(tx, { input }, viewer) {
    if (input.parent) await organizationToEdit(tx, input.parent, 'input.parent');
    return { acting: await actingOrganization(tx, viewer) };
  },
  resource: ({ acting }, { input }) => ({ municipalities: input.municipalities, actingOrganizationVerified: acting?.verified ?? false }),
  async apply(tx, { input }, _facts, viewer) {
    const sourceId = await citedSource(tx, input.source, viewer);
    const organization: OrganizationShape = {
      id: newId(),
      kind: input.kind,
      name: input.name,
      description: input.description ?? null,
      organizationNumber: input.organizationNumber ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: null,
      status: writesTrusted(viewer) ? 'VERIFIED' : 'PENDING',
      themes: input.themes,
      municipalities: input.municipalities,
      sources: [sourceId],
      parent: input.parent ?? null,
    };
    await writeOrganizations(tx, [organization], { mode: 'create', author: authorOf(viewer) });
    return {
      result: await actorRecord(tx, organization.id),
      changes: [
        change({
          targetId: organization.id,
          targetKind: 'Organization',
          public: organization.status === 'VERIFIED',
          fields: diffFields('Organization', organizationFields, null, organization),
          sourceId,
        }),
      ],
    };
  },
});
