import type { GraphData, GraphNode } from './graph-data.ts';
import type { NodeLine } from './graph-lines.ts';

const linkKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Collects the network of an export as it is read: nodes, each participation's link once (an actor may
 * take part in an initiative in more than one role) and an initiative's link to the one it is a part of.
 */
export class ExportGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly partOf = new Map<string, string>();
  private readonly links = new Map<string, [string, string]>();
  private initiatives = 0;

  addNode(id: string, attributes: NodeLine['attributes']) {
    if (this.nodes.has(id)) return;
    const isInitiative = attributes.type === 'initiative';
    this.nodes.set(id, { id, name: attributes.name, kind: attributes.kind, isInitiative });
    if (isInitiative) this.initiatives++;
    if (attributes.partOf) this.partOf.set(id, attributes.partOf);
  }

  addParticipation(actor: string, initiative: string) {
    const key = linkKey(actor, initiative);
    if (!this.links.has(key)) this.links.set(key, [actor, initiative]);
  }

  get nodeCount() {
    return this.nodes.size;
  }

  get linkCount() {
    return this.links.size;
  }

  get initiativeCount() {
    return this.initiatives;
  }

  /**
   * The network the map draws: the initiatives, at most `most` of them (the first read), and the actors
   * that take part in them. An actor of the place that takes part in none of them is left out: the map
   * shows who works together, and in a large län such actors were a third of the nodes to draw.
   */
  build(most: number): GraphData {
    for (const [part, whole] of this.partOf) {
      if (this.nodes.has(whole)) this.links.set(linkKey(part, whole), [part, whole]);
    }
    const kept = new Set<string>();
    for (const node of this.nodes.values()) {
      if (kept.size === most) break;
      if (node.isInitiative) kept.add(node.id);
    }
    // Every participation joins two nodes of the export; the test keeps a drawing whole if one did not.
    const shown = (id: string) => this.nodes.has(id) && (kept.has(id) || !this.nodes.get(id)!.isInitiative);
    const links = [...this.links.values()].filter(([a, b]) => shown(a) && shown(b));
    const linked = new Set(links.flat());
    const nodes = [...this.nodes.values()].filter((node) => (node.isInitiative ? kept.has(node.id) : linked.has(node.id)));
    return { nodes, links };
  }
}
