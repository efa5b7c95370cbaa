import { DateTime } from 'neo4j-driver';
import { z } from 'zod';
import { updateOrganization as patchOrganization } from '../../repositories/organizations.ts';
import { organizationToEdit } from '../../actors/commands/organization-facts.ts';
import { conflict } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { reviewReason } from '../inputs.ts';

/** A strategist of the organisation's kommun, or an admin, approves or rejects an organisation awaiting review. */
export const reviewRegistration = command({
  name: 'reviewRegistration',
  action: 'reviewRegistration',
  arguments: z.object({ id: idInput, approve: z.boolean(), reason: reviewReason }),
  facts: async (tx, { id }) => ({ organization: await organizationToEdit(tx, id, 'id') }),
  resource: ({ organization }) => ({ organizationId: organization.id, municipalities: organization.municipalities }),
  async apply(tx, { id, approve, reason }, { organization }, viewer) {
    if (organization.status !== 'PENDING') throw conflict('id', 'this registration has been reviewed already', 'registreringen är redan granskad');
    const status = approve ? ('VERIFIED' as const) : ('REJECTED' as const);
    await patchOrganization(
      tx,
      id,
      { status, reviewApproved: approve, reviewReason: reason ?? null, reviewedAt: DateTime.fromStandardDate(new Date()), reviewedBy: viewer.accountId },
      [],
      authorOf(viewer),
    );
    return {
      result: await actorRecord(tx, id),
      changes: [
        change({
          targetId: id,
          targetKind: 'Organization',
          public: approve,
          fields: diffFields('Organization', ['status'], organization, { status }),
          sourceId: null,
          reason: reason ?? null,
        }),
      ],
    };
  },
});
