import { z } from 'zod';
import { organizationFields } from '../actors/commands/organization-fields.ts';
import { writesTrusted } from '../auth/policy.ts';
import { initiativeFields } from '../initiatives/commands/create-initiative.ts';
import { isPublic, participationChange } from '../initiatives/commands/participation-change.ts';
import { writeInitiatives, type InitiativeShape } from '../repositories/initiatives.ts';
import { writeOrganizations, type OrganizationShape } from '../repositories/organizations.ts';
import { writeParticipations, type ParticipationShape } from '../repositories/participations.ts';
import { authorOf } from '../writes/author.ts';
import { change, diffFields, type ChangeDraft } from '../writes/changes.ts';
import { command } from '../writes/command.ts';
import { citedSource } from '../writes/source.ts';
import { readExisting } from './existing.ts';
import type { ImportPlan } from './plan.ts';
import { ImportRejected } from './rejected.ts';
import { resolveImport, type Resolution } from './resolve.ts';
import { inBoth } from '../shared/zod-language.ts';

/** Rows per statement: large enough to keep round trips few, small enough to keep each statement's parameters small. */
const batchSize = 1000;

const importArguments = z.object({
  plan: z.custom<ImportPlan>((value) => typeof value === 'object' && value !== null, inBoth('must be a checked import file', 'måste vara en granskad importfil')),
  file: z.object({ name: z.string(), suppliedBy: z.string() }),
});

/**
 * A whole file as one change set: every organisation, initiative and participation it creates, in one
 * transaction, each citing the file (its name, who supplied it, the day) and each with its change. The
 * rows are matched against the registry inside the transaction, so what the dry run said is checked
 * again against what is there now; any row in error refuses the whole file.
 */
export const importRegistry = command({
  name: 'import',
  action: 'importRegistry',
  arguments: importArguments,
  async facts(tx, { plan }, viewer) {
    return resolveImport(plan, await readExisting(tx, plan, viewer));
  },
  resource: (_resolution, { plan }) => ({ municipalities: plan.municipalities, alsoMunicipalities: plan.municipalities }),
  async apply(tx, { plan, file }, resolution, viewer) {
    if (resolution.rowsWithErrors > 0) throw new ImportRejected(resolution.rows);
    const sourceId = await citedSource(tx, { title: file.name, document: file.name, publisher: file.suppliedBy, published: new Date().toISOString().slice(0, 10) }, viewer, 'file');
    const author = authorOf(viewer);
    const trusted = writesTrusted(viewer);
    const changes: ChangeDraft[] = [];

    // Each batch's node shapes are made, written and turned into change records before the next batch's
    // are made: only the change records are kept for the whole file, as the executor writes them last.
    const organization = ({ id, input }: Resolution['organizations'][number]): OrganizationShape => ({
      id,
      kind: input.kind as OrganizationShape['kind'],
      name: input.name,
      description: input.description ?? null,
      organizationNumber: input.organizationNumber ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: null,
      status: trusted ? 'VERIFIED' : 'PENDING',
      themes: input.themes,
      municipalities: input.municipality,
      sources: [sourceId],
      parent: null,
    });
    for (const batch of batches(resolution.organizations)) {
      const shapes = batch.map(organization);
      await writeOrganizations(tx, shapes, { mode: 'create', author });
      for (const shape of shapes) {
        const fields = diffFields('Organization', organizationFields, null, shape);
        changes.push(change({ targetId: shape.id, targetKind: 'Organization', public: shape.status === 'VERIFIED', fields, sourceId }));
      }
    }

    const initiative = ({ id, input }: Resolution['initiatives'][number]): InitiativeShape => ({
      id,
      kind: input.kind ?? 'PROJECT',
      name: input.initiative,
      description: input.description ?? null,
      start: input.start ?? null,
      end: input.end ?? null,
      status: trusted ? 'VERIFIED' : 'PENDING',
      themes: input.themes ?? [],
      municipalities: input.municipality ?? [],
      sources: [sourceId],
      partOf: null,
    });
    const initiativeStatus = trusted ? 'VERIFIED' : 'PENDING';
    for (const batch of batches(resolution.initiatives)) {
      const shapes = batch.map(initiative);
      await writeInitiatives(tx, shapes, { mode: 'create', author });
      for (const shape of shapes) {
        const fields = diffFields('Initiative', initiativeFields, null, shape);
        changes.push(change({ targetId: shape.id, targetKind: 'Initiative', public: shape.status === 'VERIFIED', fields, sourceId }));
      }
    }

    const participation = (planned: Resolution['participations'][number]): ParticipationShape => ({
      id: planned.id,
      actor: planned.actorId,
      initiative: planned.initiativeId,
      role: planned.role,
      since: planned.since,
      until: planned.until,
      status: trusted ? 'CONFIRMED' : 'CLAIMED',
      sources: [sourceId],
    });
    for (const batch of batches(resolution.participations)) {
      const shapes = batch.map(participation);
      await writeParticipations(tx, shapes, { mode: 'create', author });
      // Every initiative of the file has the one status the importer's writes get.
      for (const shape of shapes) changes.push(participationChange(null, shape, { public: isPublic(shape.status, initiativeStatus), sourceId }));
    }

    return { result: { sourceId, resolution: withIds(resolution) }, changes };
  },
});

function* batches<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += batchSize) yield items.slice(start, start + batchSize);
}

/** The report's rows with the ids of what was created. */
function withIds(resolution: Resolution): Resolution {
  for (const organization of resolution.organizations) resolution.rows[organization.order - 1]!.organization!.id = organization.id;
  for (const initiative of resolution.initiatives) resolution.rows[initiative.order - 1]!.initiative!.id = initiative.id;
  for (const participation of resolution.participations) {
    const row = resolution.rows[participation.order - 1]!;
    row.participation!.id = participation.id;
    row.participation!.organizationId = participation.actorId;
  }
  return resolution;
}
