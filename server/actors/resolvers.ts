import { parseArgument } from '../shared/errors.ts';
import type { ActorResolvers, OrganizationResolvers, PersonResolvers, Resolvers } from '../graphql/generated/resolvers-types.ts';
import { allows } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import { toConnection } from '../shared/connection.ts';
import { Selection } from '../graphql/lookahead.ts';
import { actorReads } from './selection.ts';
import { idInput, pageArguments } from '../shared/inputs.ts';
import { actorFilterInput } from './inputs.ts';
import type { ActorRecord } from './records.ts';

/** The fields every kind of actor resolves the same way. */
const actorFields = {
  themes: async (actor, _args, { stores }) => (await stores.links.of('Actor', actor.id)).themes,
  municipalities: async (actor, _args, { stores }) => (await stores.links.of('Actor', actor.id)).municipalities,
  sources: async (actor, _args, { stores }) => (await stores.links.of('Actor', actor.id)).sources,
  participations: (actor, _args, { stores }) => stores.actors.participationsOf(actor.id),
  contact: async (actor, _args, { stores, viewer }) => {
    if (actor.email === null && actor.phone === null) return null;
    const places = (await stores.links.of('Actor', actor.id)).municipalities.map((m) => m.code);
    // A person's details belong to the organisation they work for; an organisation's to itself.
    const organizationId = actor.isPerson ? ((await stores.actors.organizationOf(actor.id))?.id ?? null) : actor.id;
    return allows(viewer, 'seeContact', { organizationId, municipalities: places }) ? { email: actor.email, phone: actor.phone } : null;
  },
} satisfies OrganizationResolvers & PersonResolvers;

/** Researchers study the network without learning who is in it: people appear under stable pseudonyms. */
const pseudonymous = (viewer: Viewer) => viewer.role === 'RESEARCHER';

export const actorResolvers: Resolvers = {
  Query: {
    actor: (_parent, args, { stores }, info) => stores.actors.byIdReading(parseArgument(idInput, args.id, 'id'), actorReads(Selection.of(info))),
    actors: async (_parent, args, { stores }, info) => {
      const filter = parseArgument(actorFilterInput, args.filter, 'filter');
      const { first, after } = pageArguments(args);
      const reads = actorReads(Selection.of(info).child('edges').child('node'));
      return toConnection(await stores.actors.page(filter, first, after, reads));
    },
  },
  ActorConnection: {
    totalCount: (connection) => connection.countTotal(),
  },
  Actor: {
    __resolveType: (actor: ActorRecord) => (actor.isPerson ? 'Person' : 'Organization'),
  } as ActorResolvers,
  Organization: {
    ...actorFields,
    status: (actor) => actor.status ?? 'VERIFIED',
    parent: (actor, _args, { stores }) => stores.actors.parentOf(actor.id),
    units: (actor, _args, { stores }) => stores.actors.unitsOf(actor.id),
  },
  Person: {
    ...actorFields,
    name: (person, _args, { viewer, services }) => (pseudonymous(viewer) ? services.pseudonyms.of(person.id) : person.name),
    title: (person, _args, { viewer }) => (pseudonymous(viewer) ? null : person.title),
    description: (person, _args, { viewer }) => (pseudonymous(viewer) ? null : person.description),
    organization: (person, _args, { stores }) => stores.actors.organizationOf(person.id),
  },
};
