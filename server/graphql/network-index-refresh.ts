import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.ts';

/**
 * After a mutation the network index starts catching up at once, rather than when the next partner
 * suggestion or overlap finds it behind and waits for it.
 */
export const networkIndexRefreshPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operation }) {
        if (operation?.operation === 'mutation') contextValue.services.networkIndex.refresh();
      },
    };
  },
};
