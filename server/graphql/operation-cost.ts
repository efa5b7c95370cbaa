import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type FragmentDefinitionNode, type ValidationContext } from 'graphql';

/** How graphql-armor prices a query: the most a query may cost, and what the client's query budget is charged. */
export const costRules = { maxCost: 10_000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

/**
 * The cost graphql-armor works out while it validates a document, kept for the query budget to charge.
 * Apollo validates a document once and keeps the parsed document for later requests of the same text,
 * so the cost is found again by that document; a document dropped from Apollo's cache drops its entry.
 */
const costs = new WeakMap<DocumentNode, number>();

/** graphql-armor's onAccept callback. A document of several operations is charged its dearest one. */
export function recordCost(context: ValidationContext | null, details: { n: number }): void {
  if (!context) return;
  const document = context.getDocument();
  costs.set(document, Math.max(costs.get(document) ?? 0, details.n));
}

export function costOf(document: DocumentNode | undefined): number | undefined {
  return document ? costs.get(document) : undefined;
}

const isPageSize = (argument: ArgumentNode) => argument.name.value === 'first' || argument.name.value === 'last';

/** Whether any `first` or `last` of the document comes from a variable. */
function pageSizeInVariable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(argument) {
      if (isPageSize(argument) && argument.value.kind === Kind.VARIABLE) found = true;
    },
  });
  return found;
}

/**
 * The cost of one request. graphql-armor multiplies a list's cost by its `first` or `last` only where the
 * number is written in the query: validation runs once per document, before variables are known, so a
 * page size sent as a variable is priced as one item. Where that is so, the document is priced again
 * with the request's numbers written in, and refused as validation would refuse it when over the limit.
 */
export function requestCost(document: DocumentNode | undefined, variables: Record<string, unknown> | undefined): number | undefined {
  if (!document || !pageSizeInVariable(document)) return costOf(document);
  const written = visit(document, {
    Argument(argument) {
      if (!isPageSize(argument) || argument.value.kind !== Kind.VARIABLE) return undefined;
      const value = variables?.[argument.value.name.value];
      // A number the resolver will refuse anyway is left for it to refuse, priced as armor prices it.
      return Number.isInteger(value) && (value as number) > 0 ? { ...argument, value: { kind: Kind.INT, value: String(value) } } : undefined;
    },
  });
  let cost = 0;
  let refusal: string | null = null;
  const rule = costLimitRule({
    ...costRules,
    propagateOnRejection: false,
    onAccept: [(_context, { n }) => (cost = Math.max(cost, n))],
    onReject: [(_context, error) => (refusal = error.message)],
  });
  // The rule reads only the document's fragments from its context; the schema is not needed to price it.
  const fragments = new Map(written.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])));
  visit(written, rule({ getFragment: (name: string) => fragments.get(name) } as unknown as ValidationContext));
  if (refusal) throw new GraphQLError(refusal, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
  return cost;
}
