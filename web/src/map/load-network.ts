import type { Client, CombinedError, OperationResult } from '@urql/preact';
import { graphql } from '../gql';
import type { InitiativeFilter, MapNetworkQuery } from '../gql/graphql';
import { GraphBuilder, type GraphData } from './graph-data';
import { mostInitiatives } from './read-limit';

// As many initiatives a page as the API's cost limit (10 000 a query) lets through with their
// participants and the type names urql adds; the cost grows with `first`, so a larger page costs the same
// per initiative and saves round trips.
const MapPageQuery = graphql(`
  query MapNetwork($filter: InitiativeFilter!, $after: String) {
    initiatives(filter: $filter, first: 90, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          name
          partOf {
            id
          }
          participants {
            actor {
              id
              kind
              name
            }
          }
        }
      }
    }
  }
`);


export type ReadProgress =
  | { name: 'reading'; read: number; total: number }
  | { name: 'waiting'; read: number; total: number; seconds: number };

export interface LoadedNetwork {
  data: GraphData;
  /** How many initiatives the filter names, of which the map holds at most `mostInitiatives`. */
  total: number;
  read: number;
}

function abortError() {
  return new DOMException('avbruten', 'AbortError');
}

function pause(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortError());
    });
  });
}

/** Seconds the API asks to wait when a client's query budget is spent; null for any other error. */
function budgetWait(error: CombinedError): number | null {
  const refused = error.graphQLErrors.find((e) => e.extensions?.code === 'TOO_MANY_REQUESTS');
  if (!refused) return null;
  const seconds = Number(refused.extensions?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 10;
}

/** A page the database did not answer in time, which one more try usually gets. */
function unavailable(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
}

// Tries of one page the database did not answer in time, before the map says it failed: one of forty
// pages of a large län must not throw the other thirty-nine away.
const triesPerPage = 3;

/**
 * Reads the initiatives the filter names, a page of 90 at a time, with the actors taking part, up to
 * `mostInitiatives`: the network of a län is thousands of nodes, so each page reports how far the reading
 * has come. When the API says the client's query budget is spent, the reading waits as long as the API
 * asks and goes on, saying so meanwhile, instead of failing; a page the database did not answer in time
 * is asked for again.
 */
export async function loadNetwork(
  client: Client,
  filter: InitiativeFilter,
  onProgress: (progress: ReadProgress) => void,
  signal: AbortSignal,
): Promise<LoadedNetwork> {
  const graph = new GraphBuilder();
  let after: string | null = null;
  let read = 0;
  let total = 0;
  let tries = 0;
  for (;;) {
    const result: OperationResult<MapNetworkQuery> = await client.query(MapPageQuery, { filter, after }, { requestPolicy: 'network-only' }).toPromise();
    if (signal.aborted) throw abortError();
    if (result.error) {
      const seconds = budgetWait(result.error);
      if (seconds !== null) {
        onProgress({ name: 'waiting', read, total, seconds });
        await pause(seconds, signal);
        continue;
      }
      if (unavailable(result.error) && ++tries < triesPerPage) {
        await pause(1, signal);
        continue;
      }
      throw result.error;
    }
    tries = 0;
    const page = result.data!.initiatives;
    total = page.totalCount;
    for (const { node } of page.edges) {
      graph.addNode({ id: node.id, name: node.name, kind: node.kind, isInitiative: true });
      if (node.partOf) graph.addLink(node.id, node.partOf.id);
      for (const { actor } of node.participants) {
        graph.addNode({ id: actor.id, name: actor.name, kind: actor.kind, isInitiative: false });
        graph.addLink(node.id, actor.id);
      }
    }
    read += page.edges.length;
    onProgress({ name: 'reading', read, total: Math.min(total, mostInitiatives) });
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || read >= mostInitiatives) break;
    after = page.pageInfo.endCursor;
  }
  return { data: graph.build(), total, read };
}
