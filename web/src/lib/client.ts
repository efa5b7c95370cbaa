import { cacheExchange, Client, fetchExchange } from '@urql/preact';

/**
 * The one GraphQL client of the pages, on the service's own /graphql. Queries go as POST for now: the
 * service refuses a GET without a preflight-forcing header as a possible cross-site request forgery.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
});
