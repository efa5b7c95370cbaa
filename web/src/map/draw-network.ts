import Graph from 'graphology';
import Sigma from 'sigma';
import { colorOf } from './colors';
import type { GraphData } from './graph-data';
import { LinksLayer } from './links-layer';

// Nodes handed to sigma at a time, a frame apart: sigma indexes and draws what it holds at every frame,
// so each frame stays short while the map fills in, rather than one long one for all of a län.
const nodesPerFrame = 2_500;

/** Until the browser has drawn a frame and handled the input waiting meanwhile. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface DrawnNetwork {
  renderer: Sigma;
  /** Settles once every node, label and link is drawn. */
  done: Promise<void>;
  /** Stops the drawing where it is and frees the renderer. */
  kill(): void;
}

/**
 * Draws a laid out network: sigma (WebGL) draws the nodes, coloured by kind and sized by their number of
 * links, a slice a frame, with their labels once all are there; the links are drawn after them on a
 * layer of their own (LinksLayer).
 */
export function drawNetwork(
  container: HTMLElement,
  data: GraphData,
  x: Float32Array,
  y: Float32Array,
  small: boolean,
  onProgress: (nodesDrawn: number) => void,
): DrawnNetwork {
  const index = new Map(data.nodes.map((node, i) => [node.id, i]));
  const pairs = new Uint32Array(data.links.length * 2);
  const degree = new Uint32Array(data.nodes.length);
  data.links.forEach(([a, b], i) => {
    const from = index.get(a)!;
    const to = index.get(b)!;
    pairs[2 * i] = from;
    pairs[2 * i + 1] = to;
    degree[from]!++;
    degree[to]!++;
  });
  const graph = new Graph({ type: 'undirected' });
  const large = data.nodes.length > 2000;
  const renderer = new Sigma(graph, container, {
    settings: {
      labelRenderedSizeThreshold: small ? 4 : 9,
      // While the view moves, a large network is drawn without its labels, so that panning and zooming keep up.
      hideLabelsOnMove: large,
      // A large network's labels come once every node is there, so that each frame while it fills in stays short.
      renderLabels: !large,
      // A container hidden for a moment (a resize, a print preview) must not throw.
      allowInvalidContainer: true,
    },
  });
  const links = new LinksLayer(renderer, container, pairs, x, y, small ? 1 : 0.6);
  let killed = false;
  const fillIn = async () => {
    for (let from = 0; from < data.nodes.length; from += nodesPerFrame) {
      for (let i = from; i < Math.min(from + nodesPerFrame, data.nodes.length); i++) {
        const node = data.nodes[i]!;
        graph.addNode(node.id, {
          x: x[i],
          y: y[i],
          label: node.name,
          color: colorOf(node.kind, node.isInitiative),
          size: Math.min(3 + Math.sqrt(degree[i]!) * 1.5, 18),
        });
      }
      onProgress(Math.min(from + nodesPerFrame, data.nodes.length));
      await nextFrame();
      if (killed) return;
    }
    if (large) renderer.setSetting('renderLabels', true);
    await nextFrame();
    if (!killed) links.draw();
  };
  return {
    renderer,
    done: fillIn(),
    kill() {
      killed = true;
      links.kill();
      renderer.kill();
    },
  };
}
