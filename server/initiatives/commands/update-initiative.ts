import { z } from 'zod';
import { updateInitiative as patchInitiative, type InitiativePatch } from '../../repositories/initiatives.ts';
import { badUserInput, conflict } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { checkWhole, initiativeToEdit } from '../../writes/initiative-facts.ts';
import { description, endsBeforeStart, expectedVersion, initiativeKind, name, period, someMunicipalities, themes } from '../../writes/inputs.ts';
import { initiativeRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';
import { initiativeFields } from './create-initiative.ts';

// Fields left out stay as they are; null clears an optional one. Required ones cannot be cleared.
const updateInitiativeArguments = z.object({
  id: idInput,
  expectedVersion,
  input: z.object({
    kind: initiativeKind.optional(),
    name: name.optional(),
    description: description.nullish(),
    ...period,
    themes: themes.optional(),
    municipalities: someMunicipalities.optional(),
    partOf: idInput.nullish(),
    source: sourceInput,
  }),
});

/** Changes an initiative: a strategist of one of its kommuner, the verified association that leads it, or an admin. */
export const updateInitiative = command({
  name: 'updateInitiative',
  action: 'updateInitiative',
  arguments: updateInitiativeArguments,
  async facts(tx, { id, input }, viewer) {
    const initiative = await initiativeToEdit(tx, id, 'id');
    if (input.partOf) await checkWhole(tx, id, input.partOf, 'input.partOf');
    return { initiative, acting: await actingOrganization(tx, viewer) };
  },
  resource: ({ initiative, acting }, { input }) => ({
    municipalities: initiative.municipalities,
    alsoMunicipalities: input.municipalities ?? [],
    leadOrganizationIds: initiative.leadOrganizationIds,
    actingOrganizationVerified: acting?.verified ?? false,
  }),
  async apply(tx, { id, input, expectedVersion }, { initiative }, viewer) {
    if (expectedVersion != null && expectedVersion !== initiative.version) {
      throw conflict(
        'expectedVersion',
        `the initiative has changed since version ${expectedVersion}; it is at version ${initiative.version}`,
        `initiativet har ändrats sedan version ${expectedVersion}; det är nu i version ${initiative.version}`,
      );
    }
    const { source, ...fields } = input;
    const patch: InitiativePatch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const after = { ...initiative, ...patch };
    if (endsBeforeStart(after.start, after.end)) throw badUserInput('start' in patch && !('end' in patch) ? 'input.start' : 'input.end', 'the end must not be before the start', 'slutet får inte ligga före starten');
    const sourceId = await citedSource(tx, source, viewer);
    await patchInitiative(tx, id, patch, [sourceId], authorOf(viewer));
    return {
      result: await initiativeRecord(tx, id),
      changes: [
        change({
          targetId: id,
          targetKind: 'Initiative',
          public: initiative.status === 'VERIFIED',
          fields: diffFields('Initiative', initiativeFields, initiative, after),
          sourceId,
        }),
      ],
    };
  },
});
