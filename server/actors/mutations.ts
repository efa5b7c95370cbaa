import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { updateOrganization } from './update.ts';

export const actorMutationResolvers: Resolvers = {
  Mutation: {
    updateOrganization: (_parent, { id, input }, ctx) => updateOrganization(ctx, id, input),
  },
};
