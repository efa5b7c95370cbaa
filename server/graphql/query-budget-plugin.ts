import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.ts';
import { asGraphQLError } from './errors.ts';
import { costOf } from './operation-cost.ts';
import { minimumRequestCost, type QueryBudget } from './query-budget.ts';
import { ServiceError } from '../shared/errors.ts';

/**
 * Charges each GraphQL request to its client's budget once its cost is known (after validation) and
 * before it executes, so that a request over budget does no database work. A request refused at
 * parsing or validation never gets that far; it is charged the minimum as it ends.
 */
export function queryBudgetPlugin(budget: QueryBudget): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document }) {
          try {
            await budget.charge(contextValue.viewer, contextValue.clientAddress, costOf(document) ?? minimumRequestCost);
          } catch (error) {
            throw asGraphQLError(error, contextValue.language);
          }
        },
        async didEncounterErrors({ contextValue, operation }) {
          if (operation) return;
          try {
            await budget.charge(contextValue.viewer, contextValue.clientAddress, minimumRequestCost);
          } catch (error) {
            // Over budget already: the next request is refused before it is parsed.
            if (!(error instanceof ServiceError)) throw error;
          }
        },
      };
    },
  };
}
