import express, { type Request, type Response } from 'express';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { databaseUnavailable, DatabaseUnavailableError } from '../db/errors.ts';
import { ImportRejected } from '../import/rejected.ts';
import { dryRunImport, refuseUnlessImporter, runImport, type Upload } from '../import/run-import.ts';
import type { Logger } from '../logger.ts';
import { parseArgument, ServiceError } from '../shared/errors.ts';
import { inBoth } from '../shared/zod-language.ts';
import { printable } from '../shared/inputs.ts';
import { answerDatabaseUnavailable, answerServiceError } from './error-status.ts';
import { languageOfRequest } from './request-language.ts';

/** A file larger than this is refused while it arrives; 10 000 rows of a CSV take a few megabytes. */
export const maxImportBytes = 32 * 1024 * 1024;

/**
 * How long an import may wait for Neo4j in all, its one transaction included: a file of 10 000 rows is one
 * transaction of tens of thousands of nodes and relationships, well beyond what a request's bound allows.
 */
export const importWaitMs = 120_000;


const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  fileName: printable(300).pipe(z.string().min(2, inBoth('must name the file (at least 2 characters)', 'måste namnge filen (minst 2 tecken)'))),
  suppliedBy: printable(200).pipe(z.string().min(2, inBoth('must say who supplied the file (at least 2 characters)', 'måste ange vem som lämnade filen (minst 2 tecken)'))),
});

class FileTooLarge extends ServiceError {
  constructor() {
    const megabytes = maxImportBytes / 1024 / 1024;
    super({ en: `file: is larger than ${megabytes} MB`, sv: `file: är större än ${megabytes} MB` }, { code: 'BAD_USER_INPUT', field: 'file', http: { status: 413 } });
  }
}

/** The request body as it arrives, refused once it passes the limit: it is never buffered whole. */
async function* limited(body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > maxImportBytes) throw new FileTooLarge();
    yield chunk;
  }
}

/**
 * `POST /import?dryRun=true&fileName=…&suppliedBy=…` with a CSV or XLSX file as the raw body: the
 * report of what each row would do; without dryRun, the import itself. The caller's bearer token as
 * for the API.
 */
export function importRoute(db: Database, viewerOf: (req: Request) => Viewer, logger: Logger): express.Router {
  const router = express.Router();
  // One file at a time: what an import holds is bounded by one file's rows, however many arrive at once.
  // A file waiting its turn stays unread in its connection.
  const inTurn = pLimit(1);
  router.post('/', async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    try {
      const viewer = viewerOf(req);
      const query = parseArgument(importQuery, req.query, 'query');
      const upload: Upload = { body: limited(req), contentType: req.headers['content-type'] ?? '', fileName: query.fileName, suppliedBy: query.suppliedBy };
      // Nobody waits in the queue who may not import at all.
      refuseUnlessImporter(viewer);
      const report = await inTurn(() => {
        const bounded = db.withQueryTimeout(importWaitMs).forRequest(importWaitMs);
        return query.dryRun === 'true' ? dryRunImport(bounded, viewer, upload) : runImport(bounded, viewer, upload);
      });
      res.status(query.dryRun === 'true' ? 200 : 201).json(report);
    } catch (error) {
      answerError(req, res, error, logger);
    } finally {
      // A refused upload may leave part of its body unread: drain it so that the connection can answer.
      req.resume();
    }
  });
  return router;
}

function answerError(req: Request, res: Response, error: unknown, logger: Logger): void {
  if (error instanceof ServiceError) {
    answerServiceError(res, error, languageOfRequest(req), error instanceof ImportRejected ? { rows: error.rows } : {});
    return;
  }
  if (error instanceof DatabaseUnavailableError || databaseUnavailable(error)) {
    const mayHaveCommitted = error instanceof DatabaseUnavailableError && error.mayHaveCommitted;
    answerDatabaseUnavailable(res, languageOfRequest(req), { mayHaveCommitted });
    return;
  }
  logger.error({ err: error }, 'import failed');
  res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
