import { ServiceError } from '../shared/errors.ts';
import type { ReportRow } from './report.ts';

/** A file with rows in error: nothing of it is written, and the report says what is wrong in each row. */
export class ImportRejected extends ServiceError {
  constructor(readonly rows: ReportRow[]) {
    const count = rows.filter((row) => row.errors.length > 0).length;
    const texts = {
      en: `file: ${count} row${count === 1 ? '' : 's'} in error; nothing was imported`,
      sv: `file: ${count} ${count === 1 ? 'rad' : 'rader'} med fel; inget importerades`,
    };
    super(texts, { code: 'BAD_USER_INPUT', field: 'file' });
  }
}
