import { edgeAttributes, nodeAttributes } from './attributes.ts';
import type { ExportReader } from './export-reader.ts';
import type { TextSink } from './sink.ts';
import { xmlText } from './xml.ts';

// Key ids are shared by nodes and edges in GraphML, so edge keys get a prefix of their own.
const nodeKey = (name: string) => name;
const edgeKey = (name: string) => `edge_${name}`;

const data = (key: string, value: string | null) => (value === null || value === '' ? '' : `<data key="${xmlText(key)}">${xmlText(value)}</data>`);

/** GraphML (graphml.graphdrawing.org), for Gephi, yEd and igraph: actors and initiatives, participations between them. */
export async function writeGraphml(reader: ExportReader, sink: TextSink): Promise<void> {
  const keys = [
    ...nodeAttributes.map((a) => `<key id="${nodeKey(a.name)}" for="node" attr.name="${a.name}" attr.type="string"/>`),
    ...edgeAttributes.map((a) => `<key id="${edgeKey(a.name)}" for="edge" attr.name="${a.name}" attr.type="string"/>`),
  ];
  await sink.write(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
${keys.join('\n')}
<graph id="samverkan" edgedefault="directed">
`);
  for await (const nodes of reader.nodes()) {
    await sink.write(
      nodes.map((node) => `<node id="${xmlText(node.id)}">${nodeAttributes.map((a) => data(nodeKey(a.name), a.value(node))).join('')}</node>\n`).join(''),
    );
  }
  for await (const edges of reader.edges()) {
    await sink.write(
      edges
        .map(
          (edge) =>
            `<edge id="${xmlText(edge.id)}" source="${xmlText(edge.actor)}" target="${xmlText(edge.initiative)}">${edgeAttributes.map((a) => data(edgeKey(a.name), a.value(edge))).join('')}</edge>\n`,
        )
        .join(''),
    );
  }
  await sink.write('</graph>\n</graphml>\n');
}
