import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badUserInput, ServiceError } from '../shared/errors.ts';
import type { TableRow } from './table.ts';

/**
 * The rows of every worksheet of an XLSX workbook as they arrive, sheet after sheet, with exceljs's
 * streaming reader: the workbook is never loaded whole. Each sheet's first row is its header.
 */
export async function* readXlsx(input: AsyncIterable<Buffer>): AsyncGenerator<TableRow> {
  try {
    yield* readWorkbook(input);
  } catch (error) {
    // exceljs and its unzipper throw plain errors for a file that is no workbook; ours pass as they are.
    if (error instanceof ServiceError) throw error;
    throw badUserInput('file', 'is not a readable XLSX workbook', 'är ingen läsbar XLSX-arbetsbok');
  }
}

async function* readWorkbook(input: AsyncIterable<Buffer>): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(input), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheetNumber = 0;
  for await (const worksheet of reader) {
    sheetNumber += 1;
    const sheet = (worksheet as unknown as { name?: string }).name ?? `sheet ${sheetNumber}`;
    let header: string[] | null = null;
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (!header) {
        header = values.map((value) => value.trim());
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((column, index) => {
        const text = values[index]?.trim();
        if (column && text) cells[column] = text;
      });
      if (Object.keys(cells).length > 0) yield { sheet, header, row: row.number, cells };
    }
  }
}

/** A cell's value as the text a CSV would hold: dates as ISO days, formulas as their results, rich text as its text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
  if (cell.richText) return cell.richText.map((part) => part.text).join('');
  if (cell.text !== undefined) return cellText(cell.text);
  if (cell.result !== undefined) return cellText(cell.result);
  return '';
}
