import type { Response } from 'express';
import type { ErrorCode, ServiceError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';

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
