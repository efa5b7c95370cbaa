import type { Resolvers } from '../graphql/generated/resolvers-types.ts';

export const referenceResolvers: Resolvers = {
  Query: {
    themes: (_parent, _args, { stores }) => stores.reference.themes(),
    municipalities: (_parent, { county }, { stores }) => stores.reference.municipalities(county ?? null),
  },
};
