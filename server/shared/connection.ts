import type { ActorRecord } from '../actors/records.ts';
import type { Database, Statement } from '../db/database.ts';
import type { InitiativeRecord } from '../initiatives/records.ts';
import { encodeCursor } from './cursor.ts';

/** A Relay-style connection over one keyset page; its total is counted only when a client asks for it. */
export interface ConnectionRecord<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  countTotal: () => Promise<number>;
}

export type ActorConnectionRecord = ConnectionRecord<ActorRecord>;
export type InitiativeConnectionRecord = ConnectionRecord<InitiativeRecord>;

export function toConnection<T extends { id: string }>(page: { items: T[]; hasNextPage: boolean; countTotal: () => Promise<number> }): ConnectionRecord<T> {
  const edges = page.items.map((node) => ({ node, cursor: encodeCursor(node) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: page.countTotal,
  };
}

/**
 * Reads one keyset page, asked for `first + 1` rows so that the extra one tells whether more follow;
 * `rows` are the page's whole rows, for statements that return more than the item.
 * Counting every match costs far more than a page of a large network, so the total is read, in a
 * transaction of its own, only if it is asked for.
 */
export async function readPage<T, Row extends Record<string, unknown> = Record<string, unknown>>(
  db: Database,
  statements: { page: Statement; count: Statement },
  column: string,
  first: number,
) {
  const rows = (await db.query(statements.page)).records.map((record) => record.toObject() as Row);
  let total: Promise<number> | null = null;
  const countTotal = () =>
    (total ??= db.query<{ total: number }>(statements.count).then((result) => result.records[0]?.get('total') ?? 0));
  const pageRows = rows.slice(0, first);
  return { items: pageRows.map((row) => row[column] as T), rows: pageRows, hasNextPage: rows.length > first, countTotal };
}
