import type { ExportReader } from './export-reader.ts';
import type { ExportEdge, ExportNode } from './network-rows.ts';
import type { TextSink } from './sink.ts';

/** What a node carries: enough to draw it and to open its page, nothing a drawing does not use. */
const graphologyNode = (node: ExportNode) => ({
  key: node.id,
  attributes: { type: node.type, kind: node.kind, name: node.name, ...(node.partOf ? { partOf: node.partOf } : {}) },
});

/** A participation, keyed by its id: an actor may take part in one initiative more than once. */
const graphologyEdge = (edge: ExportEdge) => ({ key: edge.id, source: edge.actor, target: edge.initiative, attributes: { role: edge.role } });

/** Writes the members of one JSON array page by page, each on a line of its own with at most a comma after it. */
async function jsonLines<T>(sink: TextSink, pages: AsyncIterable<T[]>, shape: (item: T) => unknown): Promise<void> {
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    await sink.write((first ? '\n' : ',\n') + page.map((item) => JSON.stringify(shape(item))).join(',\n'));
    first = false;
  }
}

/**
 * graphology's own serialisation (graphology.github.io/serialization), which `graph.import()` and
 * `Graph.from()` take as it is: a directed multigraph of actors and initiatives (`type`, `kind`, `name`,
 * an initiative's `partOf`) and participations from actor to initiative (`role`). The map reads it as it
 * arrives: every node and every edge is on a line of its own (JSON.stringify writes no line break inside a
 * value), the nodes before the edges, and the graph's own attributes, which the map does not need, last.
 */
export async function writeGraphologyJson(reader: ExportReader, sink: TextSink, generatedOn: string): Promise<void> {
  await sink.write('{"options":{"type":"directed","multi":true,"allowSelfLoops":false},\n"nodes":[');
  await jsonLines(sink, reader.nodes(), graphologyNode);
  await sink.write('\n],\n"edges":[');
  await jsonLines(sink, reader.edges(), graphologyEdge);
  await sink.write(`\n],\n"attributes":${JSON.stringify({ name: 'Samverkan', generatedOn })}}\n`);
}
