import type { ExportReader } from './export-reader.ts';
import type { ExportEdge, ExportNode, ExportSource } from './network-rows.ts';
import type { TextSink } from './sink.ts';

/** Popolo's source: a url and a note; the note says what the source is when it has no address. */
const popoloSources = (sources: ExportSource[]) =>
  sources.map((s) => ({ url: s.url, note: [s.title, s.publisher, s.published, s.document].filter(Boolean).join(', ') }));

const contactDetails = (node: ExportNode) => [
  ...(node.email ? [{ type: 'email', value: node.email }] : []),
  ...(node.phone ? [{ type: 'voice', value: node.phone }] : []),
];

const person = (node: ExportNode) => ({
  id: node.id,
  name: node.name,
  ...(node.email ? { email: node.email } : {}),
  contact_details: contactDetails(node),
  themes: node.themes,
  municipalities: node.municipalities,
  sources: popoloSources(node.sources),
});

/** Organisations, and initiatives as organisations classified "initiative", founded and dissolved with their periods. */
const organization = (node: ExportNode) =>
  node.type === 'actor'
    ? {
        id: node.id,
        name: node.name,
        classification: node.kind,
        identifiers: node.organizationNumber ? [{ scheme: 'SE-ON', identifier: node.organizationNumber }] : [],
        status: node.status,
        contact_details: contactDetails(node),
        themes: node.themes,
        municipalities: node.municipalities,
        sources: popoloSources(node.sources),
      }
    : {
        id: node.id,
        name: node.name,
        classification: 'initiative',
        initiative_kind: node.kind,
        status: node.status,
        ...(node.start ? { founding_date: node.start } : {}),
        ...(node.end ? { dissolution_date: node.end } : {}),
        ...(node.partOf ? { parent_id: node.partOf } : {}),
        themes: node.themes,
        municipalities: node.municipalities,
        sources: popoloSources(node.sources),
      };

/** A participation as a membership of the initiative: a person's by person_id, an organisation's by member. */
const membership = (edge: ExportEdge, people: Set<string>) => ({
  id: edge.id,
  ...(people.has(edge.actor) ? { person_id: edge.actor } : { member: { '@type': 'Organization', id: edge.actor } }),
  organization_id: edge.initiative,
  role: edge.role,
  status: edge.status,
  ...(edge.since ? { start_date: edge.since } : {}),
  ...(edge.until ? { end_date: edge.until } : {}),
  sources: popoloSources(edge.sources),
});

/** Writes the members of one JSON array, from one or more readers in turn, page by page, with commas between them. */
function jsonArray(sink: TextSink) {
  let first = true;
  return async <T>(pages: AsyncIterable<T[]>, shape: (item: T) => unknown) => {
    for await (const page of pages) {
      if (page.length === 0) continue;
      await sink.write((first ? '\n' : ',\n') + page.map((item) => JSON.stringify(shape(item))).join(',\n'));
      first = false;
    }
  };
}

/**
 * Popolo (popoloproject.com), the shape DESIGN.md names for people and organisations: `persons`,
 * `organizations` (actors, and initiatives classified "initiative") and `memberships` (participations),
 * with Popolo's names where it has one and `themes`, `municipalities` and `status` besides.
 */
export async function writePopolo(reader: ExportReader, sink: TextSink): Promise<void> {
  // People's ids, to tell a person's membership from an organisation's: ids only, a few bytes each.
  const people = new Set<string>();
  await sink.write('{"persons":[');
  await jsonArray(sink)(reader.actors('people'), (node: ExportNode) => {
    people.add(node.id);
    return person(node);
  });
  await sink.write('],\n"organizations":[');
  const organizations = jsonArray(sink);
  await organizations(reader.actors('organizations'), organization);
  await organizations(reader.initiatives(), organization);
  await sink.write('],\n"memberships":[');
  await jsonArray(sink)(reader.edges(), (edge: ExportEdge) => membership(edge, people));
  await sink.write(']}\n');
}
