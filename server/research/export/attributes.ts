import type { ExportEdge, ExportNode, ExportSource } from './network-rows.ts';

/** Sources as one text value, for formats whose attributes are strings: a JSON list of what each says. */
export const sourcesText = (sources: ExportSource[]) => JSON.stringify(sources);

/**
 * The attributes of nodes and edges in the flat formats (GraphML, GEXF, CSV), in their order. A null
 * value is left out (XML) or empty (CSV).
 */
export const nodeAttributes: { name: string; value: (node: ExportNode) => string | null }[] = [
  { name: 'type', value: (n) => n.type },
  { name: 'kind', value: (n) => n.kind },
  { name: 'name', value: (n) => n.name },
  { name: 'status', value: (n) => n.status },
  { name: 'organizationNumber', value: (n) => n.organizationNumber },
  { name: 'start', value: (n) => n.start },
  { name: 'end', value: (n) => n.end },
  { name: 'partOf', value: (n) => n.partOf },
  { name: 'themes', value: (n) => n.themes.join(';') },
  { name: 'municipalities', value: (n) => n.municipalities.join(';') },
  { name: 'email', value: (n) => n.email },
  { name: 'phone', value: (n) => n.phone },
  { name: 'sources', value: (n) => sourcesText(n.sources) },
];

export const edgeAttributes: { name: string; value: (edge: ExportEdge) => string | null }[] = [
  { name: 'role', value: (e) => e.role },
  { name: 'since', value: (e) => e.since },
  { name: 'until', value: (e) => e.until },
  { name: 'status', value: (e) => e.status },
  { name: 'sources', value: (e) => sourcesText(e.sources) },
];
