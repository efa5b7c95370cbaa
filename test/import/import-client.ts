import { csvContentType, xlsxContentType } from '../../server/import/table.ts';
import type { ImportReport } from '../../server/import/report.ts';

export interface ImportAnswer {
  status: number;
  body: ImportReport & { errors?: { message: string; extensions: { code: string; field?: string } }[]; rows: ImportReport['rows'] };
}

/** Sends a file to POST /import as a client would: the raw body, its type, its name and who supplied it. */
export async function postImport(
  url: string,
  file: { body: string | Uint8Array<ArrayBuffer>; type: 'csv' | 'xlsx'; name: string },
  options: { dryRun: boolean; headers: Record<string, string>; suppliedBy?: string },
): Promise<ImportAnswer> {
  const query = new URLSearchParams({ fileName: file.name, suppliedBy: options.suppliedBy ?? 'Vimmerby kommun, kultur och fritid' });
  if (options.dryRun) query.set('dryRun', 'true');
  const response = await fetch(`${url}/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': file.type === 'csv' ? csvContentType : xlsxContentType, ...options.headers },
    body: file.body,
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer['body'] };
}

/** A CSV text from a header and rows, quoting every cell. */
export function csv(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n';
}
