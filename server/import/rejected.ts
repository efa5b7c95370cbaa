import { ServiceError } from '../shared/errors.ts';
import type { ReportRow } from './report.ts';

/** A file with rows in error: nothing of it is written, and the report says what is wrong in each row. */
export class ImportRejected extends ServiceError {
  constructor(readonly rows: ReportRow[]) {
    const count = rows.filter((row) => row.errors.length > 0).length;
    super(`file: ${count} row${count === 1 ? '' : 's'} in error; nothing was imported`, { code: 'BAD_USER_INPUT', field: 'file' });
  }
}
