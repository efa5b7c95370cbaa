import type { RowError } from './row-models.ts';

/** What an import does, or would do, with one row of the file. */
export interface ReportRow {
  sheet: string;
  row: number;
  /** An organisations row: created, or matched to one registered already by its organisationsnummer (and then left as it is). */
  organization?: {
    action: 'create' | 'match';
    /** The organisation's id: the matched one's, or the new one's once imported (null in a dry run). */
    id: string | null;
    name: string;
    organizationNumber: string | null;
    /** Registered organisations in its kommuner, and earlier rows, whose names are alike: worth a look before importing. */
    likelyDuplicates: { id: string | null; row: number | null; name: string }[];
  };
  /** An initiatives row: its initiative, created by the first row that names it. */
  initiative?: { action: 'create' | 'repeat'; id: string | null; name: string };
  /** An initiatives row with a participant: the participation created, and the organisation it names. */
  participation?: { id: string | null; organizationId: string | null; organizationRow: number | null; organizationName: string; role: string };
  errors: RowError[];
}

export interface ImportReport {
  dryRun: boolean;
  file: { name: string; suppliedBy: string };
  /** The source every created thing cites (after an import). */
  sourceId: string | null;
  summary: {
    rows: number;
    rowsWithErrors: number;
    organizationsCreated: number;
    organizationsMatched: number;
    initiativesCreated: number;
    participationsCreated: number;
  };
  ignoredColumns: { sheet: string; column: string }[];
  rows: ReportRow[];
}
