import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { databaseUnavailable, unknownBookmark, writeMayHaveCommitted } from '../db/errors.ts';
import { bookmarkHeader } from '../http/bookmarks.ts';
import type { Logger } from '../logger.ts';

/** Codes whose messages are written for the client; anything else is an internal fault. */
const clientCodes = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'NOT_FOUND',
  'TOO_MANY_REQUESTS',
  'GDS_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Keeps what the client should read, and turns everything else into a plain code: the database being
 * away is SERVICE_UNAVAILABLE (with `mayHaveCommitted` when a write of the request may have been saved); any other fault is INTERNAL_SERVER_ERROR, logged here with its detail
 * and, in production, answered with no message of its own (no Cypher, no stack).
 */
export function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && clientCodes.has(code)) {
      // graphql-js suggests names from the schema ("Did you mean the enum value …?") in places that
      // neither graphql-armor nor Apollo masks, such as variable coercion.
      return production ? { ...formatted, message: formatted.message.replace(/\s*Did you mean [^?]*\?/g, '') } : formatted;
    }
    if (writeMayHaveCommitted(error)) {
      // Sending the write again blindly could make it twice (two initiatives, two participations).
      return {
        message: 'The database did not confirm the write, which may have been saved; check before sending it again',
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', mayHaveCommitted: true },
      };
    }
    if (unknownBookmark(error)) {
      return { message: `${bookmarkHeader}: is not a bookmark this service gave`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field: bookmarkHeader } };
    }
    if (databaseUnavailable(error)) {
      return { message: 'The database is unavailable; nothing was written; try again shortly', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error in a GraphQL operation');
    return production
      ? { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
      : { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  };
}
