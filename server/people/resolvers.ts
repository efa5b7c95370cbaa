import { allows, authorize } from '../auth/policy.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import { notFound, parseArgument } from '../shared/errors.ts';
import { idInput } from '../shared/inputs.ts';
import { execute } from '../writes/executor.ts';
import { erasePerson } from './commands/erase-person.ts';
import { recordConsent } from './commands/record-consent.ts';
import { withdrawConsent } from './commands/withdraw-consent.ts';

export const peopleResolvers: Resolvers = {
  Query: {
    personData: async (_parent, args, { viewer, stores }) => {
      authorize(viewer, 'exportPerson');
      const id = parseArgument(idInput, args.id, 'id');
      const person = await stores.people.export(id);
      if (!person) throw notFound('id', 'names no person', 'anger ingen person');
      return { ...person, auditEntries: await stores.audit.about(id) };
    },
  },
  Mutation: {
    erasePerson: (_parent, args, ctx) => execute(erasePerson, args, ctx),
    recordConsent: (_parent, args, ctx) => execute(recordConsent, args, ctx),
    withdrawConsent: (_parent, args, ctx) => execute(withdrawConsent, args, ctx),
  },
  Person: {
    consents: async (person, _args, { viewer, stores }) => {
      const places = (await stores.links.of('Actor', person.id)).municipalities.map((m) => m.code);
      return allows(viewer, 'manageConsent', { municipalities: places }) ? stores.people.consentsOf(person.id) : null;
    },
  },
};
