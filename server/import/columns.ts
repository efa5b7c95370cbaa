/**
 * The columns an import file may have. A sheet (a CSV file, or one worksheet of an XLSX) is of
 * initiatives when its header has an `initiative` column, and of organisations otherwise. Any other
 * column is reported and ignored.
 */
export const organizationColumns = ['name', 'organizationNumber', 'kind', 'municipality', 'themes', 'email', 'phone', 'description'] as const;
export const initiativeColumns = ['initiative', 'kind', 'description', 'themes', 'municipality', 'start', 'end', 'participant', 'role', 'since', 'until'] as const;

export type SheetKind = 'organizations' | 'initiatives';

export function sheetKindOf(header: readonly string[]): SheetKind {
  return header.includes('initiative') ? 'initiatives' : 'organizations';
}

export function knownColumns(kind: SheetKind): readonly string[] {
  return kind === 'initiatives' ? initiativeColumns : organizationColumns;
}

/** Columns that hold several values, separated by `;`. */
export const listColumns = new Set(['themes', 'municipality']);
