import { z } from 'zod';
import { writeGrants, type GrantShape } from '../../repositories/grants.ts';
import { newId } from '../../shared/ids.ts';
import { idInput, partialDate, printable } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { actorToLink, requireVisible } from '../../writes/actor-facts.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { initiativeToEdit } from '../../writes/initiative-facts.ts';
import { grantRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';
import { inBoth } from '../../shared/zod-language.ts';

export const grantFields = ['funder', 'initiative', 'amount', 'currency', 'programme', 'awarded'] as const;

/** The ISO 4217 codes the runtime knows; a code is accepted in any case and kept in capitals. */
const currencyCodes = new Set(Intl.supportedValuesOf('currency'));
export const currency = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => currencyCodes.has(code), inBoth('is not an ISO 4217 currency code, such as SEK or EUR', 'är ingen ISO 4217-valutakod, som SEK eller EUR'));

const addGrantArguments = z.object({
  input: z.object({
    initiativeId: idInput,
    funderId: idInput,
    amount: z.number().positive(inBoth('must be more than 0', 'måste vara mer än 0')),
    currency,
    programme: printable(200).nullish(),
    awarded: partialDate.nullish(),
    source: sourceInput,
  }),
});

/** Records money an actor gives an initiative: a strategist in scope, the verified association that leads it, or an admin. */
export const addGrant = command({
  name: 'addGrant',
  action: 'addGrant',
  arguments: addGrantArguments,
  async facts(tx, { input }, viewer) {
    const funder = await actorToLink(tx, input.funderId, 'input.funderId', viewer);
    const initiative = await initiativeToEdit(tx, input.initiativeId, 'input.initiativeId');
    return { initiative, funder, acting: await actingOrganization(tx, viewer) };
  },
  resource: ({ initiative, acting }) => ({
    municipalities: initiative.municipalities,
    leadOrganizationIds: initiative.leadOrganizationIds,
    actingOrganizationVerified: acting?.verified ?? false,
  }),
  async apply(tx, { input }, { initiative, funder }, viewer) {
    requireVisible(funder);
    const sourceId = await citedSource(tx, input.source, viewer);
    const grant: GrantShape = {
      id: newId(),
      funder: input.funderId,
      initiative: input.initiativeId,
      amount: input.amount,
      currency: input.currency,
      programme: input.programme ?? null,
      awarded: input.awarded ?? null,
      sources: [sourceId],
    };
    await writeGrants(tx, [grant], { mode: 'create', author: authorOf(viewer) });
    return {
      result: await grantRecord(tx, grant.id),
      changes: [
        change({
          targetId: grant.id,
          targetKind: 'Grant',
          subjectIds: [grant.initiative, grant.funder],
          public: initiative.status === 'VERIFIED',
          fields: diffFields('Grant', grantFields, null, grant),
          sourceId,
        }),
      ],
    };
  },
});
