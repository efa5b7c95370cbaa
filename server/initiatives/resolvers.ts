import { parseArgument } from '../shared/errors.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { toConnection } from '../shared/connection.ts';
import { idInput, pageArguments } from '../shared/inputs.ts';
import { initiativeFilterInput } from './inputs.ts';

export const initiativeResolvers: Resolvers = {
  Query: {
    initiative: (_parent, args, { stores }) => stores.initiatives.byId.load(parseArgument(idInput, args.id, 'id')),
    initiatives: async (_parent, args, { stores }) => {
      const filter = parseArgument(initiativeFilterInput, args.filter, 'filter');
      const { first, after } = pageArguments(args);
      return toConnection(await stores.initiatives.page(filter, first, after));
    },
  },
  InitiativeConnection: {
    totalCount: (connection) => connection.countTotal(),
  },
  Initiative: {
    // A profile reads its initiatives' descriptions only when it is asked for them; another field of the
    // same request may then find that record without one, and reads it by id.
    description: (initiative, _args, { stores }) =>
      initiative.description !== undefined ? initiative.description : stores.initiatives.byId.load(initiative.id).then((read) => read?.description ?? null),
    themes: async (initiative, _args, { stores }) => (await stores.links.of('Initiative', initiative.id)).themes,
    municipalities: async (initiative, _args, { stores }) => (await stores.links.of('Initiative', initiative.id)).municipalities,
    sources: async (initiative, _args, { stores }) => (await stores.links.of('Initiative', initiative.id)).sources,
    participants: async (initiative, { role }, { stores }) => {
      const participants = await stores.initiatives.participantsOf(initiative.id);
      return role ? participants.filter((participation) => participation.role === role) : participants;
    },
    grants: (initiative, _args, { stores }) => stores.initiatives.grantsOf(initiative.id),
    partOf: (initiative, _args, { stores }) => stores.initiatives.partOf(initiative.id),
    parts: (initiative, _args, { stores }) => stores.initiatives.partsOf(initiative.id),
    events: (initiative, _args, { stores }) => stores.initiatives.eventsOf(initiative.id),
  },
  Participation: {
    actor: async (participation, _args, { stores }) => (await stores.actors.byId.load(participation.actorId))!,
    // Read with the participation already (a profile's one statement), the initiative is returned as it is:
    // no lookup, and no promise for each of a busy kommun's thousand participations.
    initiative: (participation, _args, { stores }) =>
      participation.initiative ?? stores.initiatives.byId.load(participation.initiativeId).then((initiative) => initiative!),
    sources: (participation, _args, { stores }) => stores.links.sourcesById(participation.sourceIds),
  },
  Grant: {
    funder: async (grant, _args, { stores }) => (await stores.actors.byId.load(grant.funderId))!,
    initiative: async (grant, _args, { stores }) => (await stores.initiatives.byId.load(grant.initiativeId))!,
    sources: async (grant, _args, { stores }) => (await stores.links.of('Grant', grant.id)).sources,
  },
  Event: {
    municipalities: async (event, _args, { stores }) => (await stores.links.of('Event', event.id)).municipalities,
    sources: async (event, _args, { stores }) => (await stores.links.of('Event', event.id)).sources,
  },
};
