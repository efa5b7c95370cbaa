import { edgeAttributes, nodeAttributes } from './attributes.ts';
import type { ExportReader } from './export-reader.ts';
import type { TextSink } from './sink.ts';
import { xmlText } from './xml.ts';

const attvalues = (values: [string, string | null][]) => {
  const present = values.filter(([, value]) => value !== null && value !== '');
  return present.length === 0 ? '' : `<attvalues>${present.map(([id, value]) => `<attvalue for="${id}" value="${xmlText(value!)}"/>`).join('')}</attvalues>`;
};

/** GEXF 1.3 (gexf.net), Gephi's own format: the node's name is its label, a participation's role the edge's. */
export async function writeGexf(reader: ExportReader, sink: TextSink, generatedOn: string): Promise<void> {
  const declare = (kind: 'node' | 'edge', names: string[]) =>
    `<attributes class="${kind}">${names.map((name) => `<attribute id="${name}" title="${name}" type="string"/>`).join('')}</attributes>`;
  await sink.write(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
<meta lastmodifieddate="${generatedOn}"><creator>Samverkan</creator></meta>
<graph defaultedgetype="directed" mode="static">
${declare('node', nodeAttributes.map((a) => a.name))}
${declare('edge', edgeAttributes.map((a) => a.name))}
<nodes>
`);
  for await (const nodes of reader.nodes()) {
    await sink.write(
      nodes
        .map((node) => `<node id="${xmlText(node.id)}" label="${xmlText(node.name)}">${attvalues(nodeAttributes.map((a) => [a.name, a.value(node)]))}</node>\n`)
        .join(''),
    );
  }
  await sink.write('</nodes>\n<edges>\n');
  for await (const edges of reader.edges()) {
    await sink.write(
      edges
        .map(
          (edge) =>
            `<edge id="${xmlText(edge.id)}" source="${xmlText(edge.actor)}" target="${xmlText(edge.initiative)}" label="${xmlText(edge.role)}">${attvalues(edgeAttributes.map((a) => [a.name, a.value(edge)]))}</edge>\n`,
        )
        .join(''),
    );
  }
  await sink.write('</edges>\n</graph>\n</gexf>\n');
}
