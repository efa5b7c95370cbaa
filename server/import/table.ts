/** One data row of a sheet as read from the file: its cells as text by column name, and where it stands. */
export interface TableRow {
  /** The sheet's name (the worksheet's, or `csv`). */
  sheet: string;
  /** The sheet's header, its column names trimmed. */
  header: readonly string[];
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** Each column's text, trimmed; empty cells are left out. */
  cells: Record<string, string>;
}

export const csvContentType = 'text/csv';
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
