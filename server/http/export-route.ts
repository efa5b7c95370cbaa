import type { Request, Response } from 'express';
import type { Database } from '../db/database.ts';
import { databaseUnavailable } from '../db/errors.ts';
import type { Services } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import { parseExportScope } from '../research/export/export-scope.ts';
import { formatWriters } from '../research/export/formats.ts';
import { ExportReader } from '../research/export/export-reader.ts';
import { ExportAbandoned, streamSink } from '../research/export/sink.ts';
import { ServiceError } from '../shared/errors.ts';
import { answerDatabaseUnavailable, answerServiceError } from './error-status.ts';
import { languageOfRequest } from './request-language.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { QueryBudget } from '../graphql/query-budget.ts';
import { ExportCharges } from '../research/export/export-charges.ts';

/**
 * GET /export?format=…: the network, or the part the filters name, as this caller may see it, written as
 * it is read. The caller signs in as for the API (a bearer token); anonymous callers get the public's
 * export. Before the first byte an error answers as the API would; after it, the connection is cut, so
 * that a client never takes a truncated file for a whole one. The export is charged to the client's
 * query budget page by page (ExportCharges).
 */
export function exportRoute(deps: { db: Database; services: Services; logger: Logger; viewerOf: (req: Request) => Viewer; budget: QueryBudget }) {
  return async (req: Request, res: Response) => {
    let reader: ExportReader;
    let writer;
    let day: string;
    try {
      const viewer = deps.viewerOf(req);
      const scope = parseExportScope(req.query as Record<string, unknown>);
      writer = formatWriters[scope.format];
      day = scope.actors.asOf ?? new Date().toISOString().slice(0, 10);
      const charges = new ExportCharges(deps.budget, viewer, req.ip ?? 'unknown', () => res.destroyed);
      // Charged before any database work, so that a client over its budget costs the database nothing.
      await charges.first();
      reader = new ExportReader(deps.db, viewer, deps.services.pseudonyms, scope, () => charges.page());
      // Asked now, so that a database that is away answers 503 rather than a cut connection.
      await deps.db.ping();
      res.set({
        'content-type': writer.contentType,
        'content-disposition': `attachment; filename="samverkan-${day}.${scope.format}"`,
        'cache-control': 'no-store',
      });
    } catch (error) {
      if (error instanceof ServiceError) return answerServiceError(res, error, languageOfRequest(req));
      if (databaseUnavailable(error)) return answerDatabaseUnavailable(res, languageOfRequest(req));
      throw error;
    }
    try {
      await writer.write(reader, streamSink(res), day);
      res.end();
    } catch (error) {
      if (!(error instanceof ExportAbandoned)) deps.logger.error({ err: error }, 'an export failed while it was written');
      res.destroy();
    }
  };
}
