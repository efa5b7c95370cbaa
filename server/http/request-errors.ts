import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger.ts';

/** Errors before GraphQL (a body too large, JSON that does not parse) answer in GraphQL's shape, without a stack. */
export function requestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message =
      error.type === 'entity.too.large' ? 'The request body is larger than 1 MB' : status < 500 ? 'The request body is not valid JSON' : 'Internal server error';
    if (status === 500) logger.error({ err: error }, 'request failed before GraphQL');
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  };
}
