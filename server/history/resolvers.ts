import { allows } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../graphql/context.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { encodeCursor } from '../shared/cursor.ts';
import { parseArgument } from '../shared/errors.ts';
import { dateTime, idInput, pageArguments, pageSize } from '../shared/inputs.ts';
import type { ChangeRecord } from './records.ts';

/** Personal values show only to those who may see the contact data of what the change is about. */
function mayReadPersonal(viewer: Viewer, change: ChangeRecord): boolean {
  return allows(viewer, 'seeContact', { organizationId: change.contactOrganizationId, municipalities: change.targetMunicipalities });
}

const toConnection = (page: { items: ChangeRecord[]; hasNextPage: boolean }) => {
  const edges = page.items.map((node) => ({ node, cursor: encodeCursor(node) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
};

/** The `history` field of an initiative, organisation or person: its newest changes. */
const historyField = (node: { id: string }, args: { first?: number | null }, { stores }: Context) =>
  stores.history.recentOf(node.id, parseArgument(pageSize(20), args.first, 'first'));

export const historyResolvers: Resolvers = {
  Query: {
    history: async (_parent, args, { stores }) => {
      const { first, after } = pageArguments(args);
      return toConnection(await stores.history.page(parseArgument(idInput, args.id, 'id'), first, after));
    },
    changes: async (_parent, args, { stores }) => {
      const { first, after } = pageArguments(args, 50);
      const since = args.since ? parseArgument(dateTime, args.since, 'since') : null;
      return toConnection(await stores.history.feed(since, first, after));
    },
  },
  Change: {
    byOrganization: (change, _args, { stores }) => (change.byOrganizationId ? stores.actors.byId.load(change.byOrganizationId) : null),
    source: async (change, _args, { stores }) => (change.sourceId ? ((await stores.links.sourcesById([change.sourceId]))[0] ?? null) : null),
    fields: (change, _args, { viewer }) => {
      const personal = mayReadPersonal(viewer, change);
      return change.fields.map(({ field, before, after, personal: isPersonal }) =>
        isPersonal && !personal ? { field, before: null, after: null } : { field, before, after },
      );
    },
  },
  Initiative: { history: historyField },
  Organization: { history: historyField },
  Person: { history: historyField },
};
