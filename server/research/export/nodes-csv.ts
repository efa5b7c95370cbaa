import { stringify } from 'csv-stringify/sync';
import { nodeAttributes } from './attributes.ts';
import type { ExportReader } from './export-reader.ts';
import type { TextSink } from './sink.ts';

/** One row per actor and initiative, for R and pandas: `id`, then the attributes every format shares. */
export async function writeNodesCsv(reader: ExportReader, sink: TextSink): Promise<void> {
  await sink.write(stringify([['id', ...nodeAttributes.map((a) => a.name)]]));
  for await (const nodes of reader.nodes()) {
    await sink.write(stringify(nodes.map((node) => [node.id, ...nodeAttributes.map((a) => a.value(node) ?? '')])));
  }
}
