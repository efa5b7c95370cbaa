import type { ErrorCode } from '../shared/errors.ts';

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
