import { z } from 'zod';
import { writesTrusted } from '../../auth/policy.ts';
import { writeInitiatives, type InitiativeShape } from '../../repositories/initiatives.ts';
import { writeParticipations, type ParticipationShape } from '../../repositories/participations.ts';
import { badUserInput } from '../../shared/errors.ts';
import { idInput } from '../../shared/inputs.ts';
import { newId } from '../../shared/ids.ts';
import { authorOf } from '../../writes/author.ts';
import { actingOrganization } from '../../writes/acting-organization.ts';
import { change, diffFields } from '../../writes/changes.ts';
import { command } from '../../writes/command.ts';
import { checkWhole } from '../../writes/initiative-facts.ts';
import { description, endsBeforeStart, initiativeKind, name, period, someMunicipalities, themes } from '../../writes/inputs.ts';
import { initiativeRecord } from '../../writes/read-back.ts';
import { citeSource, sourceInput } from '../../writes/source.ts';
import { isPublic, participationChange } from './participation-change.ts';
import { inBoth } from '../../shared/zod-language.ts';

export const initiativeFields = ['kind', 'name', 'description', 'start', 'end', 'status', 'themes', 'municipalities', 'partOf'] as const;

const createInitiativeArguments = z.object({
  input: z
    .object({
      kind: initiativeKind,
      name,
      description: description.nullish(),
      ...period,
      themes,
      municipalities: someMunicipalities,
      partOf: idInput.nullish(),
      source: sourceInput,
    })
    .refine((input) => !endsBeforeStart(input.start, input.end), { path: ['end'], ...inBoth('must not be before start', 'får inte ligga före start') }),
});

/**
 * A strategist or an admin records an initiative, VERIFIED at once; a verified association starts one
 * that it leads, PENDING until a strategist of one of its kommuner or an admin reviews it.
 */
export const createInitiative = command({
  name: 'createInitiative',
  action: 'createInitiative',
  arguments: createInitiativeArguments,
  async facts(tx, { input }, viewer) {
    const [acting] = await Promise.all([actingOrganization(tx, viewer), input.partOf ? checkWhole(tx, null, input.partOf, 'input.partOf') : null]);
    return { acting };
  },
  resource: ({ acting }, { input }) => ({ municipalities: input.municipalities, actingOrganizationVerified: acting?.verified ?? false }),
  async apply(tx, { input }, { acting }, viewer) {
    const trusted = writesTrusted(viewer);
    if (!trusted && !acting) throw badUserInput('input', 'only an association or a strategist can start an initiative', 'bara en förening eller en strateg kan starta ett initiativ');
    const source = citeSource(tx, input.source, viewer);
    const sourceId = source.id;
    const initiative: InitiativeShape = {
      id: newId(),
      kind: input.kind,
      name: input.name,
      description: input.description ?? null,
      start: input.start ?? null,
      end: input.end ?? null,
      status: trusted ? 'VERIFIED' : 'PENDING',
      themes: input.themes,
      municipalities: input.municipalities,
      sources: [sourceId],
      partOf: input.partOf ?? null,
    };
    const author = authorOf(viewer);
    const sent = [source.sent, writeInitiatives(tx, [initiative], { mode: 'create', author })];
    const changes = [
      change({
        targetId: initiative.id,
        targetKind: 'Initiative',
        public: initiative.status === 'VERIFIED',
        fields: diffFields('Initiative', initiativeFields, null, initiative),
        sourceId,
      }),
    ];
    // An association's own initiative: it leads it, and says so with the same source.
    if (!trusted && acting) {
      const lead: ParticipationShape = { id: newId(), actor: acting.id, initiative: initiative.id, role: 'LEAD', since: null, until: null, status: 'CONFIRMED', sources: [sourceId] };
      sent.push(writeParticipations(tx, [lead], { mode: 'create', author }));
      changes.push(participationChange(null, lead, { public: isPublic(lead.status, initiative.status), sourceId }));
    }
    return { sent, result: initiativeRecord(tx, initiative.id), changes };
  },
});
