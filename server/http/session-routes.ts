import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { login } from '../accounts/login.ts';
import { anonymousViewer } from '../auth/viewer.ts';
import type { Database } from '../db/database.ts';
import { databaseUnavailable } from '../db/errors.ts';
import { createContext, type Services } from '../graphql/context.ts';
import { ServiceError, forbidden, parseArguments } from '../shared/errors.ts';
import { answerDatabaseUnavailable, answerServiceError } from './error-status.ts';
import { languageOfRequest } from './request-language.ts';
import { sentFromOwnPages } from './same-origin.ts';
import type { SessionCookie } from './session-cookie.ts';

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1000) });

/**
 * `POST /session` signs in as the `login` mutation does (same checks, rate limit and audit) and keeps
 * the token in the session cookie instead of giving it to the page; it answers with the account.
 * `DELETE /session` signs out. Both only from the service's own pages: another site must not sign a
 * browser in to an account of its choosing either.
 */
export function sessionRoutes(deps: { db: Database; services: Services; cookie: SessionCookie; requestWaitMs: number }): express.Router {
  const router = express.Router();
  const fromOwnPagesOnly = (req: Request, res: Response, next: NextFunction) => {
    res.set('cache-control', 'no-store');
    if (sentFromOwnPages(req)) return next();
    answerServiceError(res, forbidden('Sign in and out from the service’s own pages', 'Logga in och ut från tjänstens egna sidor'), languageOfRequest(req));
  };

  router.post('/session', fromOwnPagesOnly, express.json({ limit: '10kb' }), async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { email, password } = parseArguments(credentialsSchema, req.body ?? {});
      const ctx = createContext(deps.db.forRequest(deps.requestWaitMs), deps.services, anonymousViewer, req.ip ?? 'unknown');
      const { token, account } = await login(ctx, email, password);
      deps.cookie.set(req, res, token);
      res.json({ account });
    } catch (error) {
      if (error instanceof ServiceError) return answerServiceError(res, error, languageOfRequest(req));
      if (databaseUnavailable(error)) return answerDatabaseUnavailable(res, languageOfRequest(req));
      next(error);
    }
  });

  router.delete('/session', fromOwnPagesOnly, (req, res) => {
    deps.cookie.clear(req, res);
    res.status(204).end();
  });
  return router;
}
