import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.ts';
import { redactedError } from '../logging/redaction.ts';

type SerializedRequest = { url?: string; query?: unknown; [key: string]: unknown };

/**
 * A line per request: method, path, status, time, the client's address and the headers, with
 * credentials redacted by the logger's paths. The query string is left out: a GraphQL GET carries the
 * operation and its variables there, and so e-mail addresses and other personal data.
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    serializers: {
      req: (req: SerializedRequest) => {
        const { query: _query, ...rest } = req;
        return { ...rest, url: req.url?.split('?')[0] };
      },
      // pino-http would otherwise put pino's plain error serializer back in place of the redacting one.
      err: redactedError,
    },
  });
}
