import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.ts';
import { applicationJson, responseMediaType } from './response-media-type.ts';

/** Errors that stop a request before it executes: it does not parse, is not valid, or its variables do not fit. */
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * The GraphQL-over-HTTP specification's status for a request that never executes depends on the
 * media type: application/graphql-response+json answers 400, as Apollo does; plain application/json,
 * which older clients read only with a 200, answers 200 with the errors. Apollo answers 400 for both,
 * so this picks the media type itself (as Apollo would) and sets the status to match.
 */
export const requestErrorStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single' || response.http.status !== 400) return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined || !errors?.length || !errors.every((error) => requestErrorCodes.has(String(error.extensions?.code)))) return;
        const mediaType = responseMediaType(request.http?.headers.get('accept'));
        if (mediaType !== applicationJson) return;
        response.http.headers.set('content-type', mediaType);
        response.http.status = 200;
      },
    };
  },
};
