import { authorize } from '../auth/policy.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { parseArgument } from '../shared/errors.ts';
import { pageSize } from '../shared/inputs.ts';
import { reviewItemType } from './records.ts';

export const reviewResolvers: Resolvers = {
  Query: {
    reviewQueue: async (_parent, args, { viewer, stores }) => {
      authorize(viewer, 'listReviewQueue');
      const first = parseArgument(pageSize(50), args.first, 'first');
      return stores.review.queue(viewer.role === 'ADMIN' ? null : viewer.municipalities, first);
    },
  },
  ReviewItem: {
    __resolveType: (item) => reviewItemType(item),
  },
};
