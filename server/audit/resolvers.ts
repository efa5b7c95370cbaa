import { authorize } from '../auth/policy.ts';
import { parseArgument } from '../graphql/errors.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { encodeCursor } from '../shared/cursor.ts';
import { afterCursor, idInput, pageSize } from '../shared/inputs.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: async (_parent, args, { stores, viewer }) => {
      authorize(viewer, 'readAuditLog');
      const page = await stores.audit.page(
        parseArgument(pageSize(50), args.first, 'first'),
        parseArgument(afterCursor, args.after, 'after'),
        args.targetId ? parseArgument(idInput, args.targetId, 'targetId') : null,
      );
      const edges = page.items.map((node) => ({ node, cursor: encodeCursor(node) }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
};
