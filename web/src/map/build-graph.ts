import Graph from 'graphology';
import { colorOf } from './colors';
import type { GraphData } from './graph-data';

// Nodes or links added between two pauses: a few milliseconds of work, so that the page answers between.
const perSlice = 2_000;

/** Lets the browser handle input and draw a frame before the next slice. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The graph sigma draws, built in slices while the layout runs in its worker, so that neither building it
 * nor the first drawing after the layout holds the page for long. Each node keeps its index in the
 * layout's arrays, to take its position from them once they come.
 */
export async function buildGraph(data: GraphData, cancelled: () => boolean): Promise<Graph | null> {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < data.nodes.length; i++) {
    const node = data.nodes[i]!;
    graph.addNode(node.id, { index: i, x: 0, y: 0, label: node.name, color: colorOf(node.kind, node.isInitiative) });
    if (i % perSlice === perSlice - 1) {
      await yieldToPage();
      if (cancelled()) return null;
    }
  }
  for (let i = 0; i < data.links.length; i++) {
    const [a, b] = data.links[i]!;
    graph.mergeEdge(a, b, { color: '#c5ccd3' });
    if (i % perSlice === perSlice - 1) {
      await yieldToPage();
      if (cancelled()) return null;
    }
  }
  graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, size: Math.min(3 + Math.sqrt(graph.degree(node)) * 1.5, 18) }));
  return graph;
}

/** Puts every node where the layout placed it. */
export function placeNodes(graph: Graph, x: Float32Array, y: Float32Array) {
  graph.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: x[attributes.index as number], y: y[attributes.index as number] }));
}
