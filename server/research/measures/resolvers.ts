import { authorize } from '../../auth/policy.ts';
import type { Context } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/generated/resolvers-types.ts';
import { idInput, pageSize } from '../../shared/inputs.ts';
import { parseArgument } from '../../shared/errors.ts';
import { execute } from '../../writes/executor.ts';
import { computeMeasures } from './commands/compute-measures.ts';
import { actorKindsInput, countyInput, municipalityInput } from './inputs.ts';
import { parsePartialDate } from '../../shared/partial-date.ts';
import type { MeasuresRunRecord } from './store.ts';

/** Who may, and whether the database can: the measures fields answer GDS_UNAVAILABLE where it has no GDS. */
async function mayReadMeasures({ viewer, services }: Context): Promise<void> {
  authorize(viewer, 'readMeasures');
  await services.measures.gds.require();
}

/** A queued or running run whose service has not beaten its heartbeat for longer than a run may stay silent. */
const unfinishedAndSilent = (run: MeasuresRunRecord, staleAfterMs: number) =>
  (run.state === 'QUEUED' || run.state === 'RUNNING') && run.heartbeatAt !== null && Date.parse(run.heartbeatAt) < Date.now() - staleAfterMs;

export const measuresResolvers: Resolvers = {
  Query: {
    measuresRun: async (_parent, args, context) => {
      await mayReadMeasures(context);
      const id = parseArgument(idInput, args.id, 'id');
      const run = await context.stores.measures.run(id);
      if (!run || !unfinishedAndSilent(run, context.services.measures.staleAfterMs)) return run;
      await context.services.measures.failStaleRuns();
      return context.stores.measures.run(id);
    },
    latestMeasures: async (_parent, args, context) => {
      await mayReadMeasures(context);
      return context.stores.measures.latest(parseArgument(countyInput.nullish(), args.county, 'county') ?? null);
    },
  },
  Mutation: {
    computeMeasures: async (_parent, args, context) => {
      authorize(context.viewer, 'computeMeasures');
      await context.services.measures.gds.require();
      // Runs left unfinished by a service that went away are marked FAILED first, so none seems to be under way but this one's.
      await context.services.measures.failStaleRuns();
      const run = await execute(computeMeasures, args, context);
      context.services.measures.enqueue({ id: run.id, scope: { county: run.county, asOf: run.asOf ? parsePartialDate(run.asOf) : null } });
      return run;
    },
  },
  MeasuresRun: {
    networkRevision: (_run, _args, { stores }) => stores.measures.networkRevision(),
    behindBy: async (run, _args, { stores }) => (run.revision === null ? null : (await stores.measures.networkRevision()) - run.revision),
    top: async (run, args, { stores }) => {
      const first = parseArgument(pageSize(10), args.first, 'first');
      const linking = parseArgument(actorKindsInput.nullish(), args.linking, 'linking') ?? [];
      if (run.state !== 'DONE') return [];
      const rows = await stores.measures.top(run.id, args.by, first, linking);
      const actors = new Map((await stores.actors.visibleOf(rows.map((row) => row.actorId))).map((actor) => [actor.id, actor]));
      // An actor erased or hidden since the run is left out rather than answered as null.
      return rows.flatMap((row) => {
        const actor = actors.get(row.actorId);
        return actor ? [{ ...row, actor }] : [];
      });
    },
    communities: async (run, args, { stores }) => {
      const municipality = parseArgument(municipalityInput, args.municipality, 'municipality');
      return run.state === 'DONE' ? stores.measures.communities(run.id, municipality) : [];
    },
  },
  MeasuredCommunity: {
    themes: (community, args) => community.themes.slice(0, parseArgument(pageSize(5, 50), args.first, 'first')),
  },
};
