import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeResolvers } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { accountResolvers } from '../accounts/resolvers.ts';
import { actorMutationResolvers } from '../actors/mutations.ts';
import { actorResolvers } from '../actors/resolvers.ts';
import { auditResolvers } from '../audit/resolvers.ts';
import { historyResolvers } from '../history/resolvers.ts';
import { initiativeMutationResolvers } from '../initiatives/mutations.ts';
import { peopleResolvers } from '../people/resolvers.ts';
import { initiativeResolvers } from '../initiatives/resolvers.ts';
import { networkResolvers } from '../network/resolvers.ts';
import { referenceResolvers } from '../reference/resolvers.ts';
import { measuresResolvers } from '../research/measures/resolvers.ts';
import { reviewResolvers } from '../review/resolvers.ts';
import { serviceVersion } from '../shared/version.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';
import type { Resolvers } from './generated/resolvers-types.ts';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

/** The SDL of every domain, one file each in schema/. */
function readTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'));
}

const rootResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { version: () => serviceVersion },
};

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: mergeResolvers([
      rootResolvers,
      referenceResolvers,
      actorResolvers,
      actorMutationResolvers,
      initiativeResolvers,
      initiativeMutationResolvers,
      networkResolvers,
      accountResolvers,
      peopleResolvers,
      auditResolvers,
      historyResolvers,
      reviewResolvers,
      measuresResolvers,
    ]),
  });
}
