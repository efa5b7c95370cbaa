import { z } from 'zod';
import { description, email, organizationName, phone } from '../../accounts/inputs.ts';
import { updateOrganization as patchOrganization, type OrganizationPatch } from '../../repositories/organizations.ts';
import { badUserInput, conflict } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { expectedVersion, municipalities, themes } from '../../writes/inputs.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { citeSource, selfCitation, sourceInput } from '../../writes/source.ts';
import { organizationToEdit } from './organization-facts.ts';
import { organizationFields } from './organization-fields.ts';
import { inBoth } from '../../shared/zod-language.ts';

// A field left out stays as it is; null clears it where the schema allows no value.
const updateOrganizationArguments = z.object({
  id: idInput,
  expectedVersion,
  input: z
    .object({
      name: organizationName,
      description: description.nullable(),
      themes,
      municipalities: municipalities.min(1, inBoth('must name at least one kommun', 'måste ange minst en kommun')),
      email: email.nullable(),
      phone: phone.nullable(),
      source: sourceInput.nullable(),
    })
    .partial()
    .strict(),
});

/**
 * The organisation's own account, a strategist of its kommun, or an admin changes its profile. Without a
 * source, an organisation's edit of its own profile cites the organisation itself, dated; anyone else
 * must say where the change comes from.
 */
export const updateOrganization = command({
  name: 'updateOrganization',
  action: 'updateOrganization',
  arguments: updateOrganizationArguments,
  facts: async (tx, { id }) => ({ organization: await organizationToEdit(tx, id, 'id') }),
  resource: ({ organization }, { input }) => ({
    organizationId: organization.id,
    municipalities: organization.municipalities,
    alsoMunicipalities: input.municipalities ?? [],
  }),
  async apply(tx, { id, input, expectedVersion }, { organization }, viewer) {
    if (expectedVersion != null && expectedVersion !== organization.version) {
      throw conflict(
        'expectedVersion',
        `the organisation has changed since version ${expectedVersion}; it is at version ${organization.version}`,
        `organisationen har ändrats sedan version ${expectedVersion}; den är nu i version ${organization.version}`,
      );
    }
    const { source, ...fields } = input;
    const speaksForItself = viewer.organizationId === id;
    if (!source && !speaksForItself) throw badUserInput('input.source', 'is needed: only an organisation’s own edit of its profile may leave it out', 'behövs: bara en organisations egen ändring av sin profil får utelämna den');
    const cited = source ? citeSource(tx, source, viewer) : selfCitation(tx, organization.name, viewer);
    const sourceId = cited.id;
    const patch: OrganizationPatch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return {
      sent: [cited.sent, patchOrganization(tx, id, patch, [sourceId], authorOf(viewer))],
      result: actorRecord(tx, id),
      changes: [
        change({
          targetId: id,
          targetKind: 'Organization',
          public: organization.status === 'VERIFIED',
          fields: diffFields('Organization', organizationFields, organization, { ...organization, ...patch }),
          sourceId,
        }),
      ],
    };
  },
});
