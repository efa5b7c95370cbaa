import type { Statement, Transaction } from '../../db/database.ts';
import { RowsBuilder } from './adjacency.ts';

/** A statement's result by column: each value column as an array, each list column as packed rows. */
export type Columns<Values extends Record<string, unknown>, Lists extends string> = { [K in keyof Values]: Values[K][] } & Record<Lists, RowsBuilder>;

/**
 * Streams a statement's records into columns, named as the statement's RETURN names them: value
 * columns (ids, names, days) into arrays, list columns (neighbours as internal ids) into packed rows.
 * Records are let go as they are read, so a national network is never held as records at once.
 */
export async function readColumns<Values extends Record<string, unknown>, Lists extends string>(
  tx: Transaction,
  statement: Statement,
  names: { values: (keyof Values & string)[]; lists: Lists[] },
): Promise<Columns<Values, Lists>> {
  const values = Object.fromEntries(names.values.map((name) => [name, [] as unknown[]]));
  const lists = Object.fromEntries(names.lists.map((name) => [name, new RowsBuilder()]));
  for await (const record of tx.stream(statement)) {
    for (const name of names.values) values[name]!.push(record.get(name));
    for (const name of names.lists) lists[name]!.push(record.get(name) as number[]);
  }
  return { ...values, ...lists } as Columns<Values, Lists>;
}
