import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { execute } from '../writes/executor.ts';
import { createOrganization } from './commands/create-organization.ts';
import { createPerson } from './commands/create-person.ts';
import { mergeOrganizations } from './commands/merge-organizations.ts';
import { updateOrganization } from './commands/update-organization.ts';

export const actorMutationResolvers: Resolvers = {
  Mutation: {
    createOrganization: (_parent, args, ctx) => execute(createOrganization, args, ctx),
    updateOrganization: (_parent, args, ctx) => execute(updateOrganization, args, ctx),
    createPerson: (_parent, args, ctx) => execute(createPerson, args, ctx),
    mergeOrganizations: (_parent, args, ctx) => execute(mergeOrganizations, args, ctx),
  },
};
