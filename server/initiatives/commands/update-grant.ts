import { z } from 'zod';
import { updateGrant as patchGrant, type GrantPatch } from '../../repositories/grants.ts';
import { idInput, partialDate, printable } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actorToLink, requireVisible } from '../../writes/actor-facts.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { grantResource, grantToEdit } from '../../writes/grant-facts.ts';
import { grantRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';
import { currency, grantFields } from './add-grant.ts';
import { inBoth } from '../../shared/zod-language.ts';

// Fields left out stay as they are; null clears the programme or the date. Funder, amount and currency cannot be cleared.
const updateGrantArguments = z.object({
  id: idInput,
  input: z.object({
    funderId: idInput.optional(),
    amount: z.number().positive(inBoth('must be more than 0', 'måste vara mer än 0')).optional(),
    currency: currency.optional(),
    programme: printable(200).nullish(),
    awarded: partialDate.nullish(),
    source: sourceInput,
  }),
});

/** Corrects a grant, citing a source: those who may add a grant to its initiative. */
export const updateGrant = command({
  name: 'updateGrant',
  action: 'updateGrant',
  arguments: updateGrantArguments,
  async facts(tx, { id, input }, viewer) {
    const facts = await grantToEdit(tx, id, 'id', viewer);
    const funder = input.funderId ? await actorToLink(tx, input.funderId, 'input.funderId', viewer) : null;
    return { ...facts, funder };
  },
  resource: (facts) => grantResource(facts),
  async apply(tx, { id, input }, { grant, initiative, funder }, viewer) {
    if (funder) requireVisible(funder);
    const { source, funderId, ...fields } = input;
    const patch: GrantPatch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    if (funderId) patch.funder = funderId;
    const after = { ...grant, ...patch };
    const sourceId = await citedSource(tx, source, viewer);
    await patchGrant(tx, id, patch, [sourceId], authorOf(viewer));
    return {
      result: await grantRecord(tx, id),
      changes: [
        change({
          targetId: id,
          targetKind: 'Grant',
          subjectIds: [...new Set([grant.initiative, grant.funder, after.funder])],
          public: initiative.status === 'VERIFIED',
          fields: diffFields('Grant', grantFields, grant, after),
          sourceId,
        }),
      ],
    };
  },
});
