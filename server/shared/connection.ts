import type { Database, Statement } from '../db/database.ts';
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

/**
 * Reads one keyset page (asked for `first + 1` rows, so that the extra one tells whether more follow)
 * and its total, in one read transaction.
 */
export async function readPage<T>(db: Database, statements: { page: Statement; count: Statement }, column: string, first: number) {
  const [rows, totalCount] = await db.read(async (tx) => {
    const page = await tx.run(statements.page);
    const count = await tx.run<{ total: number }>(statements.count);
    return [page.records.map((record) => record.get(column) as T), count.records[0]?.get('total') ?? 0] as const;
  });
  return { items: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
}
