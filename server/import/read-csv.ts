import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { badUserInput } from '../shared/errors.ts';
import type { TableRow } from './table.ts';

/**
 * The rows of a CSV file as they arrive, one at a time: the body is never held whole. The delimiter
 * is `,` or `;` (what a Swedish spreadsheet program writes), whichever the header line has more of.
 */
export async function* readCsv(input: AsyncIterable<Buffer>): AsyncGenerator<TableRow> {
  const { delimiter, body } = await sniffDelimiter(input);
  const parser = Readable.from(body).pipe(
    parse({ delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
  );
  let header: string[] | null = null;
  let row = 0;
  for await (const record of asCsvRecords(parser)) {
    row += 1;
    if (!header) {
      header = record.map((name) => name.trim());
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((column, index) => {
      const text = record[index]?.trim();
      if (column && text) cells[column] = text;
    });
    yield { sheet: 'csv', header, row, cells };
  }
}

/** Reads until the end of the first line to choose the delimiter, then hands on the body from its start. */
async function sniffDelimiter(input: AsyncIterable<Buffer>): Promise<{ delimiter: string; body: AsyncIterable<Buffer> }> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let firstLine = '';
  while (!firstLine.includes('\n')) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    firstLine += next.value.toString('utf8');
  }
  firstLine = firstLine.split('\n')[0]!;
  const count = (character: string) => firstLine.split(character).length - 1;
  async function* body() {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { delimiter: count(';') > count(',') ? ';' : ',', body: body() };
}

/** The parser's records, its complaints about the file as BAD_USER_INPUT naming the line. */
async function* asCsvRecords(parser: AsyncIterable<unknown>): AsyncGenerator<string[]> {
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    if (error instanceof CsvError) throw badUserInput('file', `is not valid CSV: ${error.message}`, `är inte giltig CSV: ${error.message}`);
    throw error;
  }
}
