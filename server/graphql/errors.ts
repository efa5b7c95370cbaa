import { GraphQLError } from 'graphql';
import { ServiceError } from '../shared/errors.ts';

/**
 * A service error as GraphQL answers it, for the places where Apollo reads only GraphQLErrors (the
 * context function, before any resolver runs). Resolvers throw ServiceErrors as they are.
 */
export function asGraphQLError(error: unknown): unknown {
  return error instanceof ServiceError ? new GraphQLError(error.message, { extensions: { ...error.extensions } }) : error;
}
