import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { claimParticipation, reviewParticipation } from './claims.ts';

export const initiativeMutationResolvers: Resolvers = {
  Mutation: {
    claimParticipation: (_parent, { input }, ctx) => claimParticipation(ctx, input),
    reviewParticipation: (_parent, { actorId, initiativeId, confirm }, ctx) => reviewParticipation(ctx, actorId, initiativeId, confirm),
  },
};
