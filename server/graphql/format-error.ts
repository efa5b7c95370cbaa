import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { databaseUnavailable, unknownBookmark, writeMayHaveCommitted } from '../db/errors.ts';
import { bookmarkHeader } from '../http/bookmarks.ts';
import type { Logger } from '../logger.ts';
import { ServiceError } from '../shared/errors.ts';
import type { Texts } from '../shared/language.ts';
import type { Context } from './context.ts';

const contextFailurePrefix = 'Context creation failed: ';

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

/*
 * Apollo formats an error without the request it belongs to, so formatError writes the English and
 * remembers the other languages of each message it wrote; errorLanguagePlugin, which has the request's
 * context, puts the message of the request's language in before the answer is sent.
 */
const textsOf = new WeakMap<GraphQLFormattedError, Texts>();

function written(formatted: GraphQLFormattedError, texts: Texts): GraphQLFormattedError {
  const answer = { ...formatted, message: texts.en };
  textsOf.set(answer, texts);
  return answer;
}

/** Writes the errors of an answer in the language its request asked for. */
export const errorLanguagePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors) return;
        response.body.singleResult.errors = errors.map((error) => {
          const texts = textsOf.get(error);
          return texts ? { ...error, message: texts[contextValue.language] } : error;
        });
      },
    };
  },
};

/**
 * Keeps what the client should read, and turns everything else into a plain code: the database being
 * away is SERVICE_UNAVAILABLE (with `mayHaveCommitted` when a write of the request may have been saved); any other fault is INTERNAL_SERVER_ERROR, logged here with its detail
 * and, in production, answered with no message of its own (no Cypher, no stack).
 */
export function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && clientCodes.has(code)) {
      const original = unwrapResolverError(error);
      if (original instanceof ServiceError) return written(formatted, original.texts);
      // The context function's refusals (a bad token, a spent budget) are written for the client already,
      // in the request's language (asGraphQLError); Apollo's English prefix would only muddle them.
      if (formatted.message.startsWith(contextFailurePrefix)) return { ...formatted, message: formatted.message.slice(contextFailurePrefix.length) };
      // graphql-js suggests names from the schema ("Did you mean the enum value …?") in places that
      // neither graphql-armor nor Apollo masks, such as variable coercion.
      return production ? { ...formatted, message: formatted.message.replace(/\s*Did you mean [^?]*\?/g, '') } : formatted;
    }
    if (writeMayHaveCommitted(error)) {
      // Sending the write again blindly could make it twice (two initiatives, two participations).
      return written({ message: '', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', mayHaveCommitted: true } }, {
        en: 'The database did not confirm the write, which may have been saved; check before sending it again',
        sv: 'Databasen bekräftade inte skrivningen, som kan ha sparats; kontrollera innan du skickar den igen',
      });
    }
    if (unknownBookmark(error)) {
      return written({ message: '', path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field: bookmarkHeader } }, {
        en: `${bookmarkHeader}: is not a bookmark this service gave`,
        sv: `${bookmarkHeader}: är inget bokmärke som tjänsten gett`,
      });
    }
    if (databaseUnavailable(error)) {
      return written({ message: '', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } }, {
        en: 'The database is unavailable; nothing was written; try again shortly',
        sv: 'Databasen är inte tillgänglig; inget skrevs; försök igen om en stund',
      });
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error in a GraphQL operation');
    return production
      ? written({ message: '', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, { en: 'Internal server error', sv: 'Internt serverfel' })
      : { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  };
}
