import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.ts';
import type { NodeMeasures } from './algorithms.ts';
import { inMeasuredNetwork, scopeParameters, type MeasuresScope } from './network-scope.ts';

/** Rows per write transaction: small enough for the database's transaction memory, large enough to be few. */
const rowsPerWrite = 5_000;
/** Actors per statement of the bridging scores, which read every partner of each. */
const actorsPerBridgingBatch = 1_000;

// A run's rows are results derived from the network, not facts of it: writing them moves no network revision.
const notTheNetwork = { changesNetwork: false };

export async function markRunning(db: Database, runId: string, revision: number): Promise<void> {
  await db.write(
    (tx) =>
      tx.run({
        text: `MATCH (run:MeasuresRun {id: $runId}) SET run.state = 'RUNNING', run.revision = $revision, run.progress = 0.05, run.heartbeatAt = datetime()`,
        parameters: { runId, revision: neo4j.int(revision) },
      }),
    notTheNetwork,
  );
}

export async function reportProgress(db: Database, runId: string, progress: number): Promise<void> {
  await db.write((tx) => tx.run({ text: 'MATCH (run:MeasuresRun {id: $runId}) SET run.progress = $progress', parameters: { runId, progress } }), notTheNetwork);
}

/**
 * Marks the run DONE and, in the same transaction, deletes the runs of its scope that finished before
 * it: the newest DONE run answers for its scope. Returns their ids, whose rows are deleted next.
 */
export async function markDone(db: Database, runId: string, summary: { nodes: number; links: number; sampled: boolean }): Promise<string[]> {
  const result = await db.write(
    (tx) =>
      tx.run<{ replaced: string[] }>({
        text: `MATCH (run:MeasuresRun {id: $runId})
               SET run.state = 'DONE', run.progress = 1.0, run.finishedAt = datetime(),
                   run.nodeCount = $nodes, run.linkCount = $links, run.betweennessSampled = $sampled
               WITH run
               OPTIONAL MATCH (old:MeasuresRun {scopeKey: run.scopeKey})
               WHERE old.state IN ['DONE', 'FAILED'] AND old.id <> run.id AND old.startedAt < run.startedAt
               WITH collect(old) AS replaced, collect(old.id) AS ids
               FOREACH (old IN replaced | DELETE old)
               RETURN ids AS replaced`,
        parameters: { runId, nodes: neo4j.int(summary.nodes), links: neo4j.int(summary.links), sampled: summary.sampled },
      }),
    notTheNetwork,
  );
  return result.records[0]?.get('replaced') ?? [];
}

/** Marks these runs FAILED with the reason, unless they have finished already. */
export async function markFailed(db: Database, runIds: string[], reason: string): Promise<void> {
  await db.write(
    (tx) =>
      tx.run({
        text: `MATCH (run:MeasuresRun) WHERE run.id IN $runIds AND run.state IN ['QUEUED', 'RUNNING']
               SET run.state = 'FAILED', run.error = $reason, run.finishedAt = datetime()`,
        parameters: { runIds, reason },
      }),
    notTheNetwork,
  );
}

/** Says that these runs, queued or running here, are still in hand: a run whose heartbeat stops is taken for dead (failStale). */
export async function beat(db: Database, runIds: string[]): Promise<void> {
  await db.write(
    (tx) =>
      tx.run({
        text: `MATCH (run:MeasuresRun) WHERE run.id IN $runIds AND run.state IN ['QUEUED', 'RUNNING'] SET run.heartbeatAt = datetime()`,
        parameters: { runIds },
      }),
    notTheNetwork,
  );
}

/**
 * Marks FAILED the queued and running runs whose last heartbeat (or, without one, whose start) is older
 * than `staleAfterMs`: the service that held them stopped without saying so (it was killed, or its
 * machine went away). Returns their ids.
 */
export async function failStale(db: Database, staleAfterMs: number): Promise<string[]> {
  const result = await db.write(
    (tx) =>
      tx.run<{ failed: string[] }>({
        text: `MATCH (run:MeasuresRun) WHERE run.state IN ['QUEUED', 'RUNNING']
                 AND coalesce(run.heartbeatAt, run.startedAt) < datetime() - duration({milliseconds: $staleAfterMs})
               SET run.state = 'FAILED', run.finishedAt = datetime(),
                   run.error = 'the service running it stopped without finishing it (no heartbeat since ' + toString(coalesce(run.heartbeatAt, run.startedAt)) + '); start it again'
               RETURN collect(run.id) AS failed`,
        parameters: { staleAfterMs: neo4j.int(staleAfterMs) },
      }),
    notTheNetwork,
  );
  return result.records[0]?.get('failed') ?? [];
}

/** One row per actor (ActorMeasure) and per initiative (InitiativeMeasure, its community only). */
export async function writeNodeRows(db: Database, runId: string, nodes: NodeMeasures[]): Promise<void> {
  for (let start = 0; start < nodes.length; start += rowsPerWrite) {
    const batch = nodes.slice(start, start + rowsPerWrite);
    await db.write(
      (tx) =>
        tx.run({
          text: `UNWIND $actors AS row
                 CREATE (:ActorMeasure {runId: $runId, actorId: row.id, kind: row.kind, degree: row.degree, betweenness: row.betweenness,
                                        community: row.community, bridging: 0.0, sectors: [row.kind], communitiesLinked: 1})
                 WITH count(*) AS written
                 UNWIND $initiatives AS row
                 CREATE (:InitiativeMeasure {runId: $runId, initiativeId: row.id, community: row.community})`,
          parameters: {
            runId,
            actors: batch
              .filter((n) => n.isActor)
              .map(({ id, kind, degree, betweenness, community }) => ({ id, kind, degree: neo4j.int(degree), betweenness, community: neo4j.int(community) })),
            initiatives: batch.filter((n) => !n.isActor).map(({ id, community }) => ({ id, community: neo4j.int(community) })),
          },
        }),
      notTheNetwork,
    );
  }
}

/**
 * Each actor's bridging: the actor kinds (sectors) among itself and those it shares an initiative with
 * in the measured network, and the communities its initiatives belong to. Scored as the sectors and
 * communities beyond its own: (sectors − 1) + (communities − 1), so an actor that works only with its
 * own kind inside its own community scores 0.
 */
export async function writeBridging(db: Database, runId: string, scope: MeasuresScope, actorIds: string[], onBatch: (done: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < actorIds.length; start += actorsPerBridgingBatch) {
    const ids = actorIds.slice(start, start + actorsPerBridgingBatch);
    await db.write(
      (tx) =>
        tx.run({
          text: `UNWIND $ids AS actorId
                 MATCH (measure:ActorMeasure {runId: $runId, actorId: actorId})
                 MATCH (a:Actor {id: actorId})
                 CALL (a) {
                   MATCH (a)-[r:PARTICIPATES_IN]->(i:Initiative)
                   WHERE ${inMeasuredNetwork('a', 'r', 'i')}
                   OPTIONAL MATCH (im:InitiativeMeasure {runId: $runId, initiativeId: i.id})
                   RETURN collect(DISTINCT im.community) AS communities, collect(DISTINCT i) AS initiatives
                 }
                 CALL (a, initiatives) {
                   UNWIND initiatives AS i
                   MATCH (i)<-[r:PARTICIPATES_IN]-(partner:Actor)
                   WHERE partner <> a AND ${inMeasuredNetwork('partner', 'r', 'i')}
                   RETURN collect(DISTINCT partner.kind) AS partnerKinds
                 }
                 WITH measure, communities, COLLECT { UNWIND [a.kind] + partnerKinds AS kind WITH DISTINCT kind WHERE kind IS NOT NULL RETURN kind ORDER BY kind } AS sectors
                 SET measure.sectors = sectors, measure.communitiesLinked = size(communities),
                     measure.bridging = toFloat(size(sectors) - 1 + size(communities) - 1)`,
          parameters: { runId, ids, ...scopeParameters(scope) },
        }),
      notTheNetwork,
    );
    await onBatch(start + ids.length);
  }
}

/** Deletes the rows of replaced runs, a batch per transaction: a run's rows are as many as its network's nodes. */
export async function deleteRowsOf(db: Database, runIds: string[]): Promise<void> {
  for (const runId of runIds) {
    for (const label of ['ActorMeasure', 'InitiativeMeasure'] as const) await deleteRows(db, label, runId);
  }
}

const deleteStatements = {
  ActorMeasure: 'MATCH (row:ActorMeasure {runId: $runId}) WITH row LIMIT $limit DELETE row RETURN count(*) AS deleted',
  InitiativeMeasure: 'MATCH (row:InitiativeMeasure {runId: $runId}) WITH row LIMIT $limit DELETE row RETURN count(*) AS deleted',
};

async function deleteRows(db: Database, label: keyof typeof deleteStatements, runId: string): Promise<void> {
  for (;;) {
    const result = await db.write(
      (tx) => tx.run<{ deleted: number }>({ text: deleteStatements[label], parameters: { runId, limit: neo4j.int(rowsPerWrite) } }),
      notTheNetwork,
    );
    if ((result.records[0]?.get('deleted') ?? 0) === 0) return;
  }
}
