import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../server/graphql/format-error.ts';
import { createLogger } from '../../server/logger.ts';
import { useTestService, type GraphQLResponse } from '../helpers/service.ts';

/**
 * What a production service tells a client when something goes wrong: no schema (introspection or
 * "Did you mean" suggestions), no stack traces, no Cypher or other internals. Every production check has a
 * twin on a NODE_ENV=test service showing that the thing hidden is really there to hide, so that a
 * production check can fail.
 */

const misspelledField = '{ themez { key } }';
const introspection = '{ __schema { types { name } } }';
const emptySearch = '{ search(text: " ") { __typename } }';
const me = '{ me { id } }';
const garbageToken = { authorization: 'Bearer not.a.token' };

/** Things that only the server should know: Cypher, Neo4j and Lucene, source paths, stack frames. */
const internals = /cypher|neo4j|lucene|fulltext|queryNodes|ParseException|procedure|stacktrace|node_modules|\/work\/|\.ts:\d+|\bat \w+ \(/i;

function firstError(response: GraphQLResponse) {
  const error = response.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(response)}`);
  return error;
}

describe('errors in production', () => {
  const production = useTestService({ NODE_ENV: 'production' });
  const development = useTestService();

  describe('introspection', () => {
    it('is open outside production', async () => {
      const response = await development.client().graphql(introspection);
      expect(response.errors).toBeUndefined();
      expect(response.data?.__schema.types.map((type: { name: string }) => type.name)).toContain('Query');
    });

    it.each([
      ['__schema', introspection],
      ['__type', '{ __type(name: "Account") { name fields { name } } }'],
    ])('is refused in production: %s', async (_name, query) => {
      const response = await production.client().graphql(query);
      expect(response.data ?? null).toBeNull();
      expect(firstError(response).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(response)).not.toContain('"Query"');
      expect(JSON.stringify(response)).not.toContain('email');
    });
  });

  describe('suggestions', () => {
    it('suggests the right field outside production', async () => {
      const response = await development.client().graphql(misspelledField);
      expect(firstError(response).message).toContain('Did you mean "themes"?');
    });

    it('does not suggest a field in production', async () => {
      const response = await production.client().graphql(misspelledField);
      const error = firstError(response);
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toContain('themez');
      expect(error.message).not.toMatch(/did you mean/i);
      expect(JSON.stringify(response)).not.toMatch(/\bthemes\b/);
    });

    // Beyond fields: graphql-js words enum suggestions differently ('Did you mean the enum value "X"?').
    const misspelledEnum: [string, string, Record<string, unknown>][] = [
      ['in the query', '{ actors(filter: { kinds: [ASSOCIATON] }) { totalCount } }', {}],
      ['in a variable', 'query ($k: [ActorKind!]) { actors(filter: { kinds: $k }) { totalCount } }', { k: ['ASSOCIATON'] }],
    ];

    it.each(misspelledEnum)('suggests the right enum value outside production: %s', async (_name, query, variables) => {
      const response = await development.client().graphql(query, variables);
      expect(firstError(response).message).toMatch(/Did you mean the enum value "ASSOCIATION"\?/);
    });

    it.each(misspelledEnum)('does not suggest an enum value in production: %s', async (_name, query, variables) => {
      const response = await production.client().graphql(query, variables);
      const error = firstError(response);
      expect(error.message).toContain('ASSOCIATON');
      expect(error.message).not.toMatch(/did you mean/i);
      expect(JSON.stringify(response)).not.toMatch(/\bASSOCIATION\b/);
    });
  });

  describe('stack traces', () => {
    it('are sent outside production, on BAD_USER_INPUT and UNAUTHENTICATED', async () => {
      const bad = firstError(await development.client().graphql(emptySearch));
      expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/^\s+at /)]));
      const unauthenticated = firstError(await development.client().graphql(me, {}, garbageToken));
      expect(unauthenticated.extensions?.code).toBe('UNAUTHENTICATED');
      expect(unauthenticated.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/^\s+at /)]));
    });

    it('are not sent in production on a BAD_USER_INPUT', async () => {
      const response = await production.client().graphql(emptySearch);
      const error = firstError(response);
      expect(error).toMatchObject({ message: 'text: must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'text' } });
      expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(JSON.stringify(response)).not.toMatch(internals);
    });

    it('are not sent in production on an UNAUTHENTICATED', async () => {
      const response = await production.client().graphql(me, {}, garbageToken);
      expect(response.status).toBe(401);
      const error = firstError(response);
      expect(error.extensions?.code).toBe('UNAUTHENTICATED');
      expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(JSON.stringify(response)).not.toMatch(internals);
    });

    it('are not sent in production on a validation failure', async () => {
      const response = await production.client().graphql(misspelledField);
      expect(firstError(response).extensions).not.toHaveProperty('stacktrace');
      expect(JSON.stringify(response)).not.toMatch(internals);
    });
  });

  describe('an internal failure', () => {
    // No client can cause one on purpose, so the formatter is given one as a resolver would throw it.
    const failure = new GraphQLError("Invalid input 'x': expected MATCH (n:Actor) at server/actors/store.ts:42", {
      path: ['actors'],
      originalError: new Error('Neo.ClientError.Statement.SyntaxError in db.index.fulltext.queryNodes'),
    });

    it('keeps its detail outside production, for the developer', () => {
      const formatted = formatError(createLogger('silent'), false)(failure.toJSON(), failure);
      expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(formatted)).toMatch(internals);
    });

    it('is a bare INTERNAL_SERVER_ERROR in production', () => {
      const formatted = formatError(createLogger('silent'), true)(failure.toJSON(), failure);
      expect(formatted).toEqual({ message: 'Internal server error', path: ['actors'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    });
  });
});
