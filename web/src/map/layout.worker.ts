// ForceAtlas2 off the main thread: a whole län's network takes seconds to lay out, and the page must stay
// responsive meanwhile. The layout runs in slices so that it can say how far it has come.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutMessage, LayoutRequest } from './layout-protocol';

const slice = 10;

function post(message: LayoutMessage, transfer: Transferable[] = []) {
  (self as unknown as Worker).postMessage(message, transfer);
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodeCount, edges, x, y, iterations } = event.data;
  const graph = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < nodeCount; i++) graph.addNode(i, { x: x[i], y: y[i] });
  for (let i = 0; i < edges.length; i += 2) graph.mergeEdge(edges[i], edges[i + 1]);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: nodeCount > 500 };
  for (let done = 0; done < iterations; done += slice) {
    forceAtlas2.assign(graph, { iterations: Math.min(slice, iterations - done), settings });
    post({ type: 'progress', done: Math.min(done + slice, iterations), total: iterations });
  }
  const outX = new Float32Array(nodeCount);
  const outY = new Float32Array(nodeCount);
  graph.forEachNode((node, attributes) => {
    outX[Number(node)] = attributes.x as number;
    outY[Number(node)] = attributes.y as number;
  });
  post({ type: 'done', x: outX, y: outY }, [outX.buffer, outY.buffer]);
};
