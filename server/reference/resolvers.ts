import { parseArgument } from '../shared/errors.ts';
import { countyCodes } from '../shared/inputs.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';

export const referenceResolvers: Resolvers = {
  Query: {
    themes: (_parent, _args, { stores }) => stores.reference.themes(),
    municipalities: (_parent, args, { stores }) =>
      stores.reference.municipalities(args.county ? parseArgument(countyCodes.element, args.county, 'county') : null),
  },
};
