import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { execute } from '../writes/executor.ts';
import { claimParticipation, reviewParticipation } from './claims.ts';
import { createInitiative } from './commands/create-initiative.ts';
import { reviewInitiative } from './commands/review-initiative.ts';
import { updateInitiative } from './commands/update-initiative.ts';

export const initiativeMutationResolvers: Resolvers = {
  Mutation: {
    createInitiative: (_parent, args, ctx) => execute(createInitiative, args, ctx),
    updateInitiative: (_parent, args, ctx) => execute(updateInitiative, args, ctx),
    reviewInitiative: (_parent, args, ctx) => execute(reviewInitiative, args, ctx),
    claimParticipation: (_parent, { input }, ctx) => claimParticipation(ctx, input),
    reviewParticipation: (_parent, { actorId, initiativeId, confirm }, ctx) => reviewParticipation(ctx, actorId, initiativeId, confirm),
  },
};
