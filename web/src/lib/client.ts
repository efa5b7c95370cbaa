import { cacheExchange, Client, fetchExchange } from '@urql/preact';

/**
 * The pages are in Swedish, so every request asks the API for Swedish: its errors, shown beside the
 * fields, come back in Swedish too. Accept-Language is a header any page may send, so a GET stays a
 * simple request.
 */
export const apiHeaders = { 'accept-language': 'sv' };

/**
 * The one GraphQL client of the pages, on the service's own /graphql, with urql's defaults: queries as
 * GET (POST when the address would be too long), mutations as POST. The session is the service's
 * httpOnly cookie, which the browser sends on these same-origin requests by itself.
 */
export const client = new Client({
  url: '/graphql',
  fetchOptions: { headers: apiHeaders },
  exchanges: [cacheExchange, fetchExchange],
});
