import { writeEdgesCsv } from './edges-csv.ts';
import type { ExportFormat } from './export-scope.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeGraphologyJson } from './graphology-json.ts';
import type { ExportReader } from './export-reader.ts';
import { writeNodesCsv } from './nodes-csv.ts';
import { writePopolo } from './popolo.ts';
import type { TextSink } from './sink.ts';

export interface FormatWriter {
  contentType: string;
  write(reader: ExportReader, sink: TextSink, generatedOn: string): Promise<void>;
}

/** Each format's media type and writer; the file is named samverkan-<day>.<format>. */
export const formatWriters: Record<ExportFormat, FormatWriter> = {
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', write: writeGraphml },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', write: writeGexf },
  'nodes.csv': { contentType: 'text/csv; charset=utf-8', write: writeNodesCsv },
  'edges.csv': { contentType: 'text/csv; charset=utf-8', write: writeEdgesCsv },
  'popolo.json': { contentType: 'application/json; charset=utf-8', write: writePopolo },
  'graphology.json': { contentType: 'application/json; charset=utf-8', write: writeGraphologyJson },
};
