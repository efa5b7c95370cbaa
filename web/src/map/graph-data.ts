/** A network to draw: actors and initiatives as nodes, participations and parts as links. */
export interface GraphNode {
  id: string;
  name: string;
  kind: string;
  /** Whether the node's page is /initiativ/… or /aktor/…. */
  isInitiative: boolean;
}

export interface GraphData {
  nodes: GraphNode[];
  links: [string, string][];
}

/** Collects nodes and links once each, whatever order the API's pages bring them in. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly links = new Map<string, [string, string]>();

  addNode(node: GraphNode) {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  addLink(a: string, b: string) {
    if (a === b) return;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (!this.links.has(key)) this.links.set(key, [a, b]);
  }

  get size() {
    return this.nodes.size;
  }

  build(): GraphData {
    const links = [...this.links.values()].filter(([a, b]) => this.nodes.has(a) && this.nodes.has(b));
    return { nodes: [...this.nodes.values()], links };
  }
}

export function pageOf(node: Pick<GraphNode, 'id' | 'isInitiative'>): string {
  return node.isInitiative ? `/initiativ/${node.id}` : `/aktor/${node.id}`;
}
