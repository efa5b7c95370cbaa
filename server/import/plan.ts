import { badUserInput } from '../shared/errors.ts';
import { knownColumns, sheetKindOf } from './columns.ts';
import { cellsForModel, initiativeOwnColumns, initiativeRow, organizationRow, parseRow, type InitiativeRow, type OrganizationRow, type RowError } from './row-models.ts';
import type { TableRow } from './table.ts';

/** Where a row stands in the file. */
export interface RowPlace {
  sheet: string;
  row: number;
  /** The row's place among all rows of the file, sheet after sheet. */
  order: number;
}

export interface PlannedOrganization extends RowPlace {
  input: OrganizationRow;
}

/** An initiative as its first row gives it, with the rows that name it. */
export interface PlannedInitiative extends RowPlace {
  key: string;
  input: InitiativeRow;
}

export interface PlannedParticipation extends RowPlace {
  initiativeKey: string;
  participant: string;
  role: NonNullable<InitiativeRow['role']>;
  since: string | null;
  until: string | null;
}

/** Everything a file asks for, row by row, checked on its own (before anything in the database is looked at). */
export interface ImportPlan {
  organizations: PlannedOrganization[];
  initiatives: PlannedInitiative[];
  participations: PlannedParticipation[];
  /** Problems found in the rows themselves, by row. */
  errors: (RowPlace & RowError)[];
  /** Every row read, in order, so that a report can say something of each. */
  places: RowPlace[];
  /** Columns no sheet knows, reported once per sheet and ignored. */
  ignoredColumns: { sheet: string; column: string }[];
  /** Every kommun the file writes in. */
  municipalities: string[];
  rows: number;
}

/**
 * The most data rows a file may have. Each row's checked values are kept until the one transaction that
 * writes them all (a few kilobytes a row at its peak, with its change record and report), so this bounds
 * what an import holds; a larger register is imported as several files.
 */
export const maxImportRows = 10_000;

/** Initiatives are grouped by their name, compared without case or surrounding space. */
const initiativeKey = (name: string) => name.trim().toLocaleLowerCase('sv');

/** Reads every row of the file once, as it arrives, into the plan; memory grows with the rows kept, never with the file's bytes. */
export async function planImport(rows: AsyncIterable<TableRow>): Promise<ImportPlan> {
  const plan: ImportPlan = { organizations: [], initiatives: [], participations: [], errors: [], places: [], ignoredColumns: [], municipalities: [], rows: 0 };
  const kommuner = new Set<string>();
  const initiativesByKey = new Map<string, PlannedInitiative>();
  const headersSeen = new Set<string>();
  for await (const tableRow of rows) {
    plan.rows += 1;
    if (plan.rows > maxImportRows) throw badUserInput('file', `has more than ${maxImportRows} rows: split it into several files`, `har fler än ${maxImportRows} rader: dela upp den i flera filer`);
    const kind = sheetKindOf(tableRow.header);
    const known = knownColumns(kind);
    if (!headersSeen.has(tableRow.sheet)) {
      headersSeen.add(tableRow.sheet);
      for (const column of tableRow.header) if (column && !known.includes(column)) plan.ignoredColumns.push({ sheet: tableRow.sheet, column });
    }
    const place = { sheet: tableRow.sheet, row: tableRow.row, order: plan.rows };
    plan.places.push(place);
    const values = cellsForModel(tableRow.cells, known);
    const report = (errors: RowError[]) => plan.errors.push(...errors.map((error) => ({ ...place, ...error })));
    if (kind === 'organizations') {
      const { value, errors } = parseRow(organizationRow, values);
      report(errors);
      if (!value) continue;
      value.municipality.forEach((code) => kommuner.add(code));
      plan.organizations.push({ ...place, input: value });
      continue;
    }
    const { value, errors } = parseRow(initiativeRow, values);
    report(errors);
    if (!value) continue;
    const key = initiativeKey(value.initiative);
    const first = initiativesByKey.get(key);
    if (!first) {
      if (!value.municipality?.length) {
        report([{ column: 'municipality', message: 'must name at least one kommun (kommunkod) on the initiative’s first row' }]);
        continue;
      }
      value.municipality.forEach((code) => kommuner.add(code));
      const initiative = { ...place, key, input: value };
      initiativesByKey.set(key, initiative);
      plan.initiatives.push(initiative);
    } else {
      report(differencesFromFirst(value, first));
    }
    if (value.participant) {
      plan.participations.push({ ...place, initiativeKey: key, participant: value.participant, role: value.role ?? 'PARTNER', since: value.since ?? null, until: value.until ?? null });
    }
  }
  plan.municipalities = [...kommuner].sort();
  return plan;
}

/** A later row of an initiative may repeat its fields, but not say something else. */
function differencesFromFirst(row: InitiativeRow, first: PlannedInitiative): RowError[] {
  const asText = (value: unknown) => (Array.isArray(value) ? [...value].sort().join(';') : String(value ?? ''));
  return initiativeOwnColumns
    .filter((column) => row[column] !== undefined && asText(row[column]) !== asText(first.input[column]))
    .map((column) => ({ column, message: `differs from row ${first.row}, where this initiative first appears` }));
}
