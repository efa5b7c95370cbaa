import { allows, authorize } from '../auth/policy.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { login } from './login.ts';
import { consume } from '../auth/rate-limits.ts';
import { execute } from '../writes/executor.ts';
import { registerAssociation } from './commands/register-association.ts';
import { changePassword } from './commands/change-password.ts';
import { createAccount } from './commands/create-account.ts';
import { reviewRegistration } from './commands/review-registration.ts';

export const accountResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, { viewer, stores }) => (viewer.accountId ? stores.accounts.byId(viewer.accountId) : null),
    pendingRegistrations: (_parent, _args, { viewer, stores }) => {
      authorize(viewer, 'listPendingRegistrations');
      return stores.actors.pending(viewer.role === 'ADMIN' ? null : viewer.municipalities);
    },
  },
  Mutation: {
    login: (_parent, { email, password }, ctx) => login(ctx, email, password),
    registerAssociation: async (_parent, args, ctx) => {
      await consume(ctx.services.rateLimits.registration, ctx.clientAddress);
      return execute(registerAssociation, args, ctx);
    },
    reviewRegistration: (_parent, args, ctx) => execute(reviewRegistration, args, ctx),
    createAccount: (_parent, args, ctx) => execute(createAccount, args, ctx),
    changePassword: async (_parent, args, ctx) => {
      // Guessing the current password through this door costs as much as through login.
      if (ctx.viewer.accountId) await consume(ctx.services.rateLimits.login, `account:${ctx.viewer.accountId}`);
      return execute(changePassword, args, ctx);
    },
  },
  Account: {
    organization: (account, _args, { stores }) => (account.organizationId ? stores.actors.byId.load(account.organizationId) : null),
    municipalities: (account, _args, { stores }) => stores.reference.municipalities(null, account.municipalities),
  },
  Organization: {
    possibleDuplicates: async (organization, _args, { viewer, stores }) => {
      const places = (await stores.links.of('Actor', organization.id)).municipalities.map((m) => m.code);
      if (!allows(viewer, 'seePossibleDuplicates', { organizationId: organization.id, municipalities: places })) return null;
      return stores.actors.similarlyNamed(organization.id);
    },
    registrationReview: (organization) =>
      organization.reviewedAt === null
        ? null
        : { approved: organization.reviewApproved ?? false, reason: organization.reviewReason, reviewedAt: organization.reviewedAt },
  },
};
