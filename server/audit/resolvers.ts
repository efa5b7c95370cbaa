import { authorize } from '../auth/policy.ts';
import { parseArgument } from '../shared/errors.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { encodeCursor } from '../shared/cursor.ts';
import { idInput, pageArguments } from '../shared/inputs.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: async (_parent, args, { stores, viewer }) => {
      authorize(viewer, 'readAuditLog');
      const { first, after } = pageArguments(args, 50);
      const page = await stores.audit.page(first, after, args.targetId ? parseArgument(idInput, args.targetId, 'targetId') : null);
      const edges = page.items.map((node) => ({ node, cursor: encodeCursor(node) }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
};
