import { GraphQLError } from 'graphql';
import { ServiceError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';

/**
 * A service error as GraphQL answers it, in the request's language, for the places where Apollo reads
 * only GraphQLErrors (the context function, before any resolver runs, and so before there is a context
 * whose language the answer could be written in later). Resolvers throw ServiceErrors as they are.
 */
export function asGraphQLError(error: unknown, language: Language): unknown {
  return error instanceof ServiceError ? new GraphQLError(error.messageIn(language), { extensions: { ...error.extensions } }) : error;
}
