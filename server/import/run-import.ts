import { allows, authorize } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { constraintViolation } from '../db/errors.ts';
import { badUserInput, conflict } from '../shared/errors.ts';
import { execute } from '../writes/executor.ts';
import { readExisting } from './existing.ts';
import { importRegistry } from './import-command.ts';
import { planImport, type ImportPlan } from './plan.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { ImportReport } from './report.ts';
import { resolveImport, type Resolution } from './resolve.ts';
import { csvContentType, xlsxContentType, type TableRow } from './table.ts';

/** A file as it arrives: its bytes, its format, its name and who supplied it (the source its rows cite). */
export interface Upload {
  body: AsyncIterable<Buffer>;
  contentType: string;
  fileName: string;
  suppliedBy: string;
}

/** What each row would do, with nothing written; rows outside a strategist's kommuner are marked at `municipality`. */
export async function dryRunImport(db: Database, viewer: Viewer, upload: Upload): Promise<ImportReport> {
  const plan = await readPlan(viewer, upload);
  const resolution = resolveImport(plan, await db.read((tx) => readExisting(tx, plan, viewer)));
  markRowsOutOfScope(plan, resolution, viewer);
  return report(true, upload, null, plan, resolution);
}

/** The whole file as one change set through the command executor, or nothing at all. */
export async function runImport(db: Database, viewer: Viewer, upload: Upload): Promise<ImportReport> {
  const plan = await readPlan(viewer, upload);
  try {
    const { sourceId, resolution } = await execute(importRegistry, { plan, file: { name: upload.fileName, suppliedBy: upload.suppliedBy } }, { db, viewer });
    return report(false, upload, sourceId, plan, resolution);
  } catch (error) {
    // The rows were matched inside the transaction, so only a registration committed meanwhile can take a number.
    if (constraintViolation(error)) throw conflict('organizationNumber', 'a number of the file was registered while it was imported; run the dry run again', 'ett nummer i filen registrerades medan den importerades; gör provkörningen igen');
    throw error;
  }
}

/**
 * Refuses a caller who may import nowhere before reading the body, then reads the file row by row
 * into its plan.
 */
async function readPlan(viewer: Viewer, upload: Upload): Promise<ImportPlan> {
  refuseUnlessImporter(viewer);
  const plan = await planImport(rowsOf(upload));
  if (plan.rows === 0) throw badUserInput('file', 'has no rows below its header', 'har inga rader under rubrikraden');
  return plan;
}

/** UNAUTHENTICATED or FORBIDDEN for a caller who may import into no kommun at all. */
export function refuseUnlessImporter(viewer: Viewer): void {
  authorize(viewer, 'importRegistry', { municipalities: viewer.municipalities });
}

function rowsOf(upload: Upload): AsyncIterable<TableRow> {
  const type = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (type === csvContentType) return readCsv(upload.body);
  if (type === xlsxContentType) return readXlsx(upload.body);
  throw badUserInput('Content-Type', `must be ${csvContentType} or ${xlsxContentType}`, `ska vara ${csvContentType} eller ${xlsxContentType}`);
}

function markRowsOutOfScope(plan: ImportPlan, resolution: Resolution, viewer: Viewer): void {
  const ownKommuner = [...plan.organizations.map((row) => ({ order: row.order, codes: row.input.municipality })), ...plan.initiatives.map((row) => ({ order: row.order, codes: row.input.municipality ?? [] }))];
  for (const { order, codes } of ownKommuner) {
    if (allows(viewer, 'importRegistry', { municipalities: codes, alsoMunicipalities: codes })) continue;
    const row = resolution.rows[order - 1]!;
    if (row.errors.length === 0) resolution.rowsWithErrors += 1;
    row.errors.push({ column: 'municipality', message: 'is outside the kommuner you may write in' });
  }
}

function report(dryRun: boolean, upload: Upload, sourceId: string | null, plan: ImportPlan, resolution: Resolution): ImportReport {
  return {
    dryRun,
    file: { name: upload.fileName, suppliedBy: upload.suppliedBy },
    sourceId,
    summary: {
      rows: plan.rows,
      rowsWithErrors: resolution.rowsWithErrors,
      organizationsCreated: resolution.organizations.length,
      organizationsMatched: resolution.matched,
      initiativesCreated: resolution.initiatives.length,
      participationsCreated: resolution.participations.length,
    },
    ignoredColumns: plan.ignoredColumns,
    rows: resolution.rows,
  };
}
