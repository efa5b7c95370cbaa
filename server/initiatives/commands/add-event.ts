import { z } from 'zod';
import { writeEvents, type EventShape } from '../../repositories/events.ts';
import { newId } from '../../shared/ids.ts';
import { idInput, partialDate } from '../../shared/inputs.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { initiativeToEdit } from '../../writes/initiative-facts.ts';
import { description, municipalities, name } from '../../writes/inputs.ts';
import { eventRecord } from '../../writes/read-back.ts';
import { citedSource, sourceInput } from '../../writes/source.ts';

const eventFields = ['name', 'date', 'description', 'initiative', 'municipalities'] as const;

const addEventArguments = z.object({
  input: z.object({
    initiativeId: idInput,
    name,
    date: partialDate.nullish(),
    description: description.nullish(),
    municipalities: municipalities.nullish(),
    source: sourceInput,
  }),
});

/**
 * Records something dated that happened within an initiative: a strategist in scope (of the event's
 * kommuner too), the verified association that leads it, or an admin.
 */
export const addEvent = command({
  name: 'addEvent',
  action: 'addEvent',
  arguments: addEventArguments,
  async facts(tx, { input }, viewer) {
    return { initiative: await initiativeToEdit(tx, input.initiativeId, 'input.initiativeId'), acting: await actingOrganization(tx, viewer) };
  },
  resource: ({ initiative, acting }, { input }) => ({
    municipalities: initiative.municipalities,
    alsoMunicipalities: input.municipalities ?? [],
    leadOrganizationIds: initiative.leadOrganizationIds,
    actingOrganizationVerified: acting?.verified ?? false,
  }),
  async apply(tx, { input }, { initiative }, viewer) {
    const sourceId = await citedSource(tx, input.source, viewer);
    const event: EventShape = {
      id: newId(),
      name: input.name,
      date: input.date ?? null,
      description: input.description ?? null,
      initiative: input.initiativeId,
      municipalities: input.municipalities ?? [],
      sources: [sourceId],
    };
    await writeEvents(tx, [event], { mode: 'create', author: authorOf(viewer) });
    return {
      result: await eventRecord(tx, event.id),
      changes: [
        change({
          targetId: event.id,
          targetKind: 'Event',
          subjectIds: [input.initiativeId],
          public: initiative.status === 'VERIFIED',
          fields: diffFields('Event', eventFields, null, event),
          sourceId,
        }),
      ],
    };
  },
});
