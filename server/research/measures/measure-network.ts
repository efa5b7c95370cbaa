import type { Database } from '../../db/database.ts';
import { readNetworkRevision } from '../../db/revision.ts';
import { addBetweenness, addCommunities, degrees, dropAbandonedGraphs, dropGraph, graphNameOf, projectNetwork } from './algorithms.ts';
import type { MeasuresScope } from './network-scope.ts';
import { deleteRowsOf, markDone, markRunning, reportProgress, writeBridging, writeNodeRows } from './run-writes.ts';

/**
 * One run, start to end: the network revision first (so the results are at least as new as it), then
 * the projection, the algorithms, the rows and the bridging scores, with the progress after each step.
 * The projected graph lives in the database's memory only while the run needs it.
 */
export async function measureNetwork(db: Database, runId: string, scope: MeasuresScope): Promise<void> {
  const revision = (await db.query<{ revision: number }>(readNetworkRevision)).records[0]?.get('revision') ?? 0;
  await markRunning(db, runId, revision);
  await dropAbandonedGraphs(db);
  const graphName = graphNameOf(runId);
  const projected = await projectNetwork(db, graphName, scope);
  let sampled = false;
  try {
    await reportProgress(db, runId, 0.15);
    const nodes = await degrees(db, graphName);
    await reportProgress(db, runId, 0.2);
    await addCommunities(db, graphName, nodes);
    await reportProgress(db, runId, 0.45);
    ({ sampled } = await addBetweenness(db, graphName, nodes));
    await reportProgress(db, runId, 0.7);
    const all = [...nodes.values()];
    await writeNodeRows(db, runId, all);
    await reportProgress(db, runId, 0.8);
    const actorIds = all.filter((node) => node.isActor).map((node) => node.id);
    await writeBridging(db, runId, scope, actorIds, (done) => reportProgress(db, runId, 0.8 + (0.19 * done) / actorIds.length));
  } finally {
    await dropGraph(db, graphName);
  }
  const replaced = await markDone(db, runId, { ...projected, sampled });
  await deleteRowsOf(db, replaced);
}
