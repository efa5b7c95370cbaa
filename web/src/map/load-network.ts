import type { Client, OperationResult } from '@urql/preact';
import { graphql } from '../gql';
import type { InitiativeFilter, MapNetworkQuery } from '../gql/graphql';
import { GraphBuilder, type GraphData } from './graph-data';

const MapPageQuery = graphql(`
  query MapNetwork($filter: InitiativeFilter!, $after: String) {
    initiatives(filter: $filter, first: 80, after: $after) {
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

/**
 * Reads every initiative the filter names, a page of 80 at a time (as many as the API's cost
 * limit allows with the participants), with the actors taking part: the
 * network of a län is thousands of nodes, so each page reports how far the reading has come.
 */
export async function loadNetwork(
  client: Client,
  filter: InitiativeFilter,
  onProgress: (read: number, total: number) => void,
  signal: AbortSignal,
): Promise<GraphData> {
  const graph = new GraphBuilder();
  let after: string | null = null;
  let read = 0;
  do {
    const result: OperationResult<MapNetworkQuery> = await client.query(MapPageQuery, { filter, after }, { requestPolicy: 'network-only' }).toPromise();
    if (signal.aborted) throw new DOMException('avbruten', 'AbortError');
    if (result.error) throw result.error;
    const page = result.data!.initiatives;
    for (const { node } of page.edges) {
      graph.addNode({ id: node.id, name: node.name, kind: node.kind, isInitiative: true });
      if (node.partOf) graph.addLink(node.id, node.partOf.id);
      for (const { actor } of node.participants) {
        graph.addNode({ id: actor.id, name: actor.name, kind: actor.kind, isInitiative: false });
        graph.addLink(node.id, actor.id);
      }
    }
    read += page.edges.length;
    onProgress(read, page.totalCount);
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after);
  return graph.build();
}
