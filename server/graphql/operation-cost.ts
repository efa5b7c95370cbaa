import type { DocumentNode, ValidationContext } from 'graphql';

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
