import { encodeCursor } from './cursor.ts';

/** A Relay-style connection over one keyset page of named nodes. */
export function toConnection<T extends { id: string }>(page: { items: T[]; hasNextPage: boolean; totalCount: number }) {
  const edges = page.items.map((node) => ({ node, cursor: encodeCursor(node) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
