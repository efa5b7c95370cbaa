import { parseArgument } from '../shared/errors.ts';
import type { Resolvers, SearchHitResolvers } from '../graphql/generated/resolvers-types.ts';
import { idInput, pageSize, searchText } from '../shared/inputs.ts';
import { asOfInput } from '../research/as-of.ts';
import { maxHopsInput, overlapFilterInput } from './inputs.ts';
import type { SearchHitRecord } from './store.ts';

const today = () => new Date().toISOString().slice(0, 10);

export const networkResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, { stores }) => {
      const text = parseArgument(searchText, args.text, 'text');
      return stores.network.search(text, parseArgument(pageSize(20, 50), args.first, 'first'));
    },
    partnerSuggestions: (_parent, args, { stores }) =>
      stores.network.partnerSuggestions(parseArgument(idInput, args.forId, 'forId'), parseArgument(pageSize(10, 50), args.first, 'first')),
    overlaps: (_parent, args, { stores }) =>
      stores.network.overlaps(
        parseArgument(overlapFilterInput, args.filter, 'filter'),
        parseArgument(pageSize(20), args.first, 'first'),
        today(),
      ),
    path: (_parent, args, { stores }) =>
      stores.network.path(
        parseArgument(idInput, args.fromId, 'fromId'),
        parseArgument(idInput, args.toId, 'toId'),
        parseArgument(maxHopsInput, args.maxHops, 'maxHops'),
        parseArgument(asOfInput, args.asOf, 'asOf'),
      ),
  },
  SearchHit: {
    __resolveType: (hit: SearchHitRecord) => ('isPerson' in hit ? (hit.isPerson ? 'Person' : 'Organization') : 'Initiative'),
  } as SearchHitResolvers,
  Overlap: {
    sharedParticipants: (overlap, _args, { stores }) => stores.actors.visibleOf(overlap.sharedParticipantIds),
  },
};
