/**
 * The peer as a team would build it with the Neo4j GraphQL Library: `new Neo4jGraphQL({ typeDefs, driver })`
 * behind Apollo Server 5 on Express 5, library defaults otherwise. The one addition is server-side password
 * hashing for registrations, done by wrapping the generated mutation resolvers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import express from 'express';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { hashPassword } from '../../server/auth/passwords.ts';
import { buildTypeDefs, type CustomStatements } from './type-defs.ts';

export interface PeerOptions {
  neo4jUri: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  /** The Neo4j database; the driver's default database when unset. */
  database?: string;
  port?: number;
  host?: string;
  /** Other statements for the @cypher fields (tests); the floor's by default. */
  statements?: CustomStatements;
}

export interface RunningPeer {
  url: string;
  driver: Driver;
  schema: GraphQLSchema;
  stop(): Promise<void>;
}

/**
 * Replaces every password in a mutation's arguments with its scrypt hash, made with the service's own
 * function and cost (server/auth/passwords.ts: N=2^15, r=8, p=1). The client sends the plain password
 * where the generated inputs take Account.passwordHash (`passwordHash: "…"` in a create,
 * `passwordHash: { set: "…" }` or `passwordHash_SET: "…"` in an update); the library only ever sees the hash.
 */
async function hashPasswordsIn(value: unknown): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map(hashPasswordsIn));
  if (value === null || typeof value !== 'object') return value;
  const entries = await Promise.all(
    Object.entries(value).map(async ([key, item]): Promise<[string, unknown]> => {
      if ((key === 'passwordHash' || key === 'passwordHash_SET') && typeof item === 'string') return [key, await hashPassword(item)];
      if (key === 'passwordHash' && item !== null && typeof item === 'object' && typeof (item as { set?: unknown }).set === 'string') {
        return [key, { ...item, set: await hashPassword((item as { set: string }).set) }];
      }
      return [key, await hashPasswordsIn(item)];
    }),
  );
  return Object.fromEntries(entries);
}

const mentionsPasswordHash = (value: unknown): boolean => JSON.stringify(value ?? null).includes('"passwordHash');

/** The library's schema with every mutation's resolver wrapped so that passwords arrive hashed. */
export function withPasswordHashing(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (field) => {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: async (source, args, context, info) =>
          resolve(source, mentionsPasswordHash(args) ? ((await hashPasswordsIn(args)) as typeof args) : args, context, info),
      };
    },
  });
}

export async function startPeer(options: PeerOptions): Promise<RunningPeer> {
  const driver = neo4j.driver(options.neo4jUri, neo4j.auth.basic(options.neo4jUser ?? 'neo4j', options.neo4jPassword ?? ''));
  const library = new Neo4jGraphQL({ typeDefs: buildTypeDefs(options.statements), driver });
  const schema = withPasswordHashing(await library.getSchema());

  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
    // The entry point owns shutdown, so that SIGTERM also closes the driver.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const sessionConfig = options.database ? { database: options.database } : undefined;
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, { context: async () => (sessionConfig ? { sessionConfig } : {}) }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    driver,
    schema,
    stop: () =>
      (stopping ??= (async () => {
        await apollo.stop();
        await driver.close();
      })()),
  };
}
