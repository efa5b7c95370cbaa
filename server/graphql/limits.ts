import { ApolloArmor } from '@escape.tech/graphql-armor';
import { recordCost } from './operation-cost.ts';

/** The shape a query may have; anything larger is refused during validation, before any database work. */
export const queryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 10,
  maxCost: 10_000,
} as const;

export function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth },
    maxAliases: { n: queryLimits.maxAliases },
    // graphql-armor counts tokens with a parser of its own, outside Apollo's error handling: a query that
    // does not parse then answered 500. graphql-js counts them in Apollo's own parse (parseOptions).
    maxTokens: { enabled: false },
    maxDirectives: { n: queryLimits.maxDirectives },
    // The cost of an accepted query is also what the client's query budget is charged.
    costLimit: { maxCost: queryLimits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, onAccept: [recordCost] },
    // Field suggestions ("did you mean …?") reveal the schema; production keeps them to itself.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
