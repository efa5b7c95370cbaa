import { z } from 'zod';
import { hashPassword } from '../../auth/passwords.ts';
import { writeOrganizations, type OrganizationShape } from '../../repositories/organizations.ts';
import { newId } from '../../shared/ids.ts';
import { organizationFields } from '../../actors/commands/organization-fields.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { selfCitation } from '../../writes/source.ts';
import { registerAssociationInput } from '../inputs.ts';
import { createAccount, normalizeEmail } from '../store.ts';

/**
 * Anyone may register an association: the organisation (PENDING) and its account are created in one
 * transaction, or neither is. The uniqueness constraints on organisationsnummer and e-mail decide what is
 * taken, so that a race of identical registrations ends with one organisation and CONFLICT for the rest.
 * What it says of itself cites itself.
 */
export const registerAssociation = command({
  name: 'registerAssociation',
  action: null,
  // The hash is made before the transaction (scrypt takes a while); no client can send it, the schema has no such argument.
  arguments: z.object({ input: registerAssociationInput, passwordHash: z.string().optional() }),
  uniqueFields: { organizationNumber: 'input.organizationNumber', email: 'input.email' },
  prepare: async (args) => ({ ...args, passwordHash: await hashPassword(args.input.password) }),
  facts: async () => ({}),
  resource: () => ({}),
  async apply(tx, { input, passwordHash }, _facts, viewer) {
    const source = selfCitation(tx, input.name, viewer);
    const sourceId = source.id;
    const organization: OrganizationShape = {
      id: newId(),
      kind: 'ASSOCIATION',
      name: input.name,
      description: input.description ?? null,
      organizationNumber: input.organizationNumber,
      email: normalizeEmail(input.email),
      phone: input.phone ?? null,
      address: null,
      status: 'PENDING',
      themes: input.themes,
      municipalities: [input.municipality],
      sources: [sourceId],
      parent: null,
    };
    const accountId = newId();
    await source.sent;
    await writeOrganizations(tx, [organization], { mode: 'create', author: accountId });
    await createAccount(tx, { id: accountId, email: input.email, passwordHash: passwordHash!, role: 'ASSOCIATION', organizationId: organization.id }, null);
    return {
      result: await actorRecord(tx, organization.id),
      changes: [
        change({
          targetId: organization.id,
          targetKind: 'Organization',
          public: false,
          fields: diffFields('Organization', organizationFields, null, organization),
          sourceId,
        }),
      ],
      // The account is no part of the network's history, but the audit log names it with the organisation.
      audit: { targetIds: [organization.id, accountId], fields: Object.keys(input).filter((field) => field !== 'password') },
    };
  },
});
