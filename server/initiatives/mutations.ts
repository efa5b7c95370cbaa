import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { execute } from '../writes/executor.ts';
import { addEvent } from './commands/add-event.ts';
import { addGrant } from './commands/add-grant.ts';
import { addParticipation } from './commands/add-participation.ts';
import { claimParticipation } from './commands/claim-participation.ts';
import { createInitiative } from './commands/create-initiative.ts';
import { removeGrant } from './commands/remove-grant.ts';
import { removeParticipation } from './commands/remove-participation.ts';
import { reviewInitiative } from './commands/review-initiative.ts';
import { reviewParticipation } from './commands/review-participation.ts';
import { updateGrant } from './commands/update-grant.ts';
import { updateInitiative } from './commands/update-initiative.ts';
import { updateParticipation } from './commands/update-participation.ts';

export const initiativeMutationResolvers: Resolvers = {
  Mutation: {
    createInitiative: (_parent, args, ctx) => execute(createInitiative, args, ctx),
    updateInitiative: (_parent, args, ctx) => execute(updateInitiative, args, ctx),
    reviewInitiative: (_parent, args, ctx) => execute(reviewInitiative, args, ctx),
    addParticipation: (_parent, args, ctx) => execute(addParticipation, args, ctx),
    updateParticipation: (_parent, args, ctx) => execute(updateParticipation, args, ctx),
    removeParticipation: (_parent, args, ctx) => execute(removeParticipation, args, ctx),
    claimParticipation: (_parent, args, ctx) => execute(claimParticipation, args, ctx),
    reviewParticipation: (_parent, args, ctx) => execute(reviewParticipation, args, ctx),
    addGrant: (_parent, args, ctx) => execute(addGrant, args, ctx),
    updateGrant: (_parent, args, ctx) => execute(updateGrant, args, ctx),
    removeGrant: (_parent, args, ctx) => execute(removeGrant, args, ctx),
    addEvent: (_parent, args, ctx) => execute(addEvent, args, ctx),
  },
};
