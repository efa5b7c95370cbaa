import { z } from 'zod';
import { mergeOrganizationInto } from '../../repositories/organization-merge.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { reason } from '../../writes/inputs.ts';
import { actorRecord } from '../../writes/read-back.ts';
import { organizationToEdit } from './organization-facts.ts';
import { organizationFields } from './organization-fields.ts';
import { inBoth } from '../../shared/zod-language.ts';

const mergeOrganizationsArguments = z
  .object({ keepId: idInput, mergeId: idInput, reason })
  .refine(({ keepId, mergeId }) => keepId !== mergeId, { path: ['mergeId'], ...inBoth('is the organisation to keep: an organisation cannot be merged into itself', 'är organisationen som ska behållas: en organisation kan inte slås ihop med sig själv') });

/**
 * A duplicate goes into the organisation that is kept: every participation, grant, link, source,
 * person and account of it moves, in one transaction, and its id answers as the kept one's from then
 * on. A strategist must have both organisations' kommuner in scope; an admin may merge any two.
 */
export const mergeOrganizations = command({
  name: 'mergeOrganizations',
  action: 'mergeOrganizations',
  arguments: mergeOrganizationsArguments,
  facts: async (tx, { keepId, mergeId }) => ({
    keep: await organizationToEdit(tx, keepId, 'keepId'),
    merged: await organizationToEdit(tx, mergeId, 'mergeId'),
  }),
  resource: ({ keep, merged }) => ({ municipalities: keep.municipalities, alsoMunicipalities: merged.municipalities }),
  async apply(tx, { keepId, mergeId, reason }, { keep, merged }, viewer) {
    await mergeOrganizationInto(tx, { merged: mergeId, keep: keepId }, authorOf(viewer));
    const after = await organizationToEdit(tx, keepId, 'keepId');
    const isPublic = keep.status === 'VERIFIED';
    return {
      result: await actorRecord(tx, keepId),
      changes: [
        change({ targetId: keepId, targetKind: 'Organization', public: isPublic, fields: diffFields('Organization', organizationFields, keep, after), sourceId: null, reason }),
        // The merged organisation's last change: what it was, and where it went. Seen by those who see the kept one.
        change({
          targetId: mergeId,
          targetKind: 'Organization',
          subjectIds: [keepId],
          public: isPublic,
          fields: diffFields('Organization', [...organizationFields, 'mergedInto'], { ...merged, mergedInto: null }, { mergedInto: keepId }),
          sourceId: null,
          reason,
        }),
      ],
    };
  },
});
