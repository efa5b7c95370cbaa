import { stringify } from 'csv-stringify/sync';
import { edgeAttributes } from './attributes.ts';
import type { ExportReader } from './export-reader.ts';
import type { TextSink } from './sink.ts';

/** One row per participation: `id`, `source` (the actor), `target` (the initiative), then its attributes. */
export async function writeEdgesCsv(reader: ExportReader, sink: TextSink): Promise<void> {
  await sink.write(stringify([['id', 'source', 'target', ...edgeAttributes.map((a) => a.name)]]));
  for await (const edges of reader.edges()) {
    await sink.write(stringify(edges.map((edge) => [edge.id, edge.actor, edge.initiative, ...edgeAttributes.map((a) => a.value(edge) ?? '')])));
  }
}
