import { cacheExchange, Client, fetchExchange } from '@urql/preact';

/**
 * The one GraphQL client of the pages, on the service's own /graphql, with urql's defaults: queries as
 * GET (POST when the address would be too long), mutations as POST. The session is the service's
 * httpOnly cookie, which the browser sends on these same-origin requests by itself.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
});
