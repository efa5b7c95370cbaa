import type { Response } from 'express';
import type { ErrorCode, ServiceError } from '../shared/errors.ts';
import type { Language, Texts } from '../shared/language.ts';

/** The HTTP status of each error code, for the routes beside GraphQL (import, export) that answer errors themselves. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  GDS_UNAVAILABLE: 503,
};

/**
 * A service error as the routes beside GraphQL answer it: its status and headers, and the error in
 * GraphQL's shape with its message in the request's language; `more` joins the body (an import's rows).
 */
export function answerServiceError(res: Response, error: ServiceError, language: Language, more: object = {}): void {
  const { http, ...extensions } = error.extensions;
  for (const [name, value] of http?.headers ?? []) res.set(name, value);
  res.status(http?.status ?? httpStatusOf[error.code]).json({ errors: [{ message: error.messageIn(language), extensions }], ...more });
}

const unavailableTexts: Texts = {
  en: 'The database is unavailable; try again shortly',
  sv: 'Databasen är inte tillgänglig; försök igen om en stund',
};

/** 503 from a route beside GraphQL whose database is away; `mayHaveCommitted` where a write of it may have been saved. */
export function answerDatabaseUnavailable(res: Response, language: Language, extensions: { mayHaveCommitted?: boolean } = {}): void {
  res.status(503).json({ errors: [{ message: unavailableTexts[language], extensions: { code: 'SERVICE_UNAVAILABLE', ...extensions } }] });
}
