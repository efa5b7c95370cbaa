import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.ts';
import { inMeasuredNetwork, scopeParameters, type MeasuresScope } from './network-scope.ts';

/** A graph this large gets its betweenness from a sample of source nodes: exact betweenness grows as nodes × links. */
const exactBetweennessUpTo = 5_000;
/** The sample's size, and its seed, so that a run measures the same network the same way each time. */
const betweennessSample = 1_000;
const seed = 42;
/**
 * One thread per algorithm: the service's requests share the database's cores with the job, and a
 * job that takes longer is better than requests that wait.
 */
const concurrency = 1;

/** Whatever GDS computed for one node of the projected graph. */
export interface NodeMeasures {
  id: string;
  isActor: boolean;
  kind: string | null;
  degree: number;
  betweenness: number;
  community: number;
}

/**
 * Projects the measured network into GDS as an undirected graph of actors and initiatives, one link
 * per participation: Leiden needs an undirected graph, and the bipartite one keeps an initiative of n
 * participants at n links where the actor–actor projection would make n(n−1)/2 of it.
 */
export async function projectNetwork(db: Database, graphName: string, scope: MeasuresScope): Promise<{ nodes: number; links: number }> {
  const result = await db.query<{ nodes: number; links: number }>({
    text: `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(i:Initiative)
           WHERE ${inMeasuredNetwork('a', 'r', 'i')}
           WITH gds.graph.project($graphName, a, i, {sourceNodeLabels: ['Actor'], targetNodeLabels: ['Initiative']},
                                  {undirectedRelationshipTypes: ['*']}) AS graph
           RETURN graph.nodeCount AS nodes, graph.relationshipCount AS links`,
    parameters: { graphName, ...scopeParameters(scope) },
  });
  const row = result.records[0];
  return { nodes: row?.get('nodes') ?? 0, links: row?.get('links') ?? 0 };
}

/** The projected graph of a run is named after it. */
export const graphNameOf = (runId: string) => `measures-${runId}`;

/**
 * Drops the projected graphs of runs that are no longer under way: a service that stopped in the middle
 * of a run leaves its graph in the database's memory, which only a drop or a restart of Neo4j frees.
 */
export async function dropAbandonedGraphs(db: Database): Promise<void> {
  await db.query({
    text: `CALL gds.graph.list() YIELD graphName
           WITH graphName WHERE graphName STARTS WITH 'measures-'
           OPTIONAL MATCH (run:MeasuresRun {id: substring(graphName, size('measures-'))})
           WITH graphName, run WHERE run IS NULL OR NOT run.state IN ['QUEUED', 'RUNNING']
           CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped
           RETURN count(dropped) AS dropped`,
  });
}

export async function dropGraph(db: Database, graphName: string): Promise<void> {
  await db.query({ text: 'CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName', parameters: { graphName } });
}

/** Each node's links: for an actor, the initiatives it takes part in. */
export async function degrees(db: Database, graphName: string): Promise<Map<string, NodeMeasures>> {
  const result = await db.query<{ id: string; isActor: boolean; kind: string | null; degree: number }>({
    text: `CALL gds.degree.stream($graphName, {concurrency: $concurrency}) YIELD nodeId, score
           WITH gds.util.asNode(nodeId) AS node, score
           RETURN node.id AS id, node:Actor AS isActor, node.kind AS kind, toInteger(score) AS degree`,
    parameters: { graphName, concurrency: neo4j.int(concurrency) },
  });
  return new Map(
    result.records.map((record) => {
      const id = record.get('id');
      return [id, { id, isActor: record.get('isActor'), kind: record.get('kind'), degree: record.get('degree'), betweenness: 0, community: -1 }];
    }),
  );
}

/** Leiden communities, over actors and initiatives alike: an initiative's community is what gives a community its themes. */
export async function addCommunities(db: Database, graphName: string, nodes: Map<string, NodeMeasures>): Promise<void> {
  const result = await db.query<{ id: string; community: number }>({
    text: `CALL gds.leiden.stream($graphName, {randomSeed: $seed, concurrency: $concurrency}) YIELD nodeId, communityId
           RETURN gds.util.asNode(nodeId).id AS id, communityId AS community`,
    parameters: { graphName, seed: neo4j.int(seed), concurrency: neo4j.int(concurrency) },
  });
  for (const record of result.records) {
    const node = nodes.get(record.get('id'));
    if (node) node.community = record.get('community');
  }
}

/**
 * Betweenness: of the shortest paths between two other nodes, how many run through each one (pairs
 * counted once: the graph is undirected). In a graph larger than exactBetweennessUpTo, paths from a
 * sample of sources only, scaled up by nodes / sample so that the figures read as estimates of the exact ones.
 */
export async function addBetweenness(db: Database, graphName: string, nodes: Map<string, NodeMeasures>): Promise<{ sampled: boolean }> {
  const sampled = nodes.size > exactBetweennessUpTo;
  const result = await db.query<{ id: string; score: number }>({
    text: `CALL gds.betweenness.stream($graphName, $configuration) YIELD nodeId, score
           WITH gds.util.asNode(nodeId) AS node, score WHERE node:Actor
           RETURN node.id AS id, score`,
    parameters: {
      graphName,
      configuration: sampled
        ? { concurrency: neo4j.int(concurrency), samplingSize: neo4j.int(betweennessSample), samplingSeed: neo4j.int(seed) }
        : { concurrency: neo4j.int(concurrency) },
    },
  });
  const scale = sampled ? nodes.size / betweennessSample : 1;
  for (const record of result.records) {
    const node = nodes.get(record.get('id'));
    if (node) node.betweenness = record.get('score') * scale;
  }
  return { sampled };
}
